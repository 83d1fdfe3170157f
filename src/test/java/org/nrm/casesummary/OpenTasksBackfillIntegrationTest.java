package org.nrm.casesummary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Open tasks of an earlier version, which have no summary and no card, get them once, whichever nodes run the backfill. */
@NrmIntegrationTest
class OpenTasksBackfillIntegrationTest {

  private static final List<String> WRITTEN_ON_CREATE = List.of(CaseSummaryPlugin.VARIABLE, "caseNumber", "caseProfile", "caseJurisdiction");

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired OpenTasksBackfill backfill;

  @Test
  void aTaskOfAnEarlierVersionGetsItsSummaryAndCardExactlyOnceWhenTwoNodesBackfillAtOnce() throws Exception {
    ProcessInstance opened = new CaseDriver(engine, rest, json).open(CaseSummaryOnFormsIntegrationTest.INTAKE, "police.cr");
    Task review = new CaseDriver(engine, rest, json).task(opened, "UserTask_ReviewScreening");
    Object summary = engine.getTaskService().getVariableLocal(review.getId(), CaseSummaryPlugin.VARIABLE).toString();
    // as a task created before this version: none of what the engine now writes on a new task
    engine.getTaskService().removeVariablesLocal(review.getId(), WRITTEN_ON_CREATE);
    assertThat(engine.getTaskService().getVariablesLocal(review.getId())).doesNotContainKeys(WRITTEN_ON_CREATE.toArray(String[]::new));

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<Integer>> runs = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      runs.add(nodes.submit((Callable<Integer>) backfill::run));
    }
    int written = 0;
    for (Future<Integer> run : runs) {
      written += run.get();
    }
    nodes.shutdown();

    assertThat(written).isEqualTo(1);
    assertThat(engine.getTaskService().getVariableLocal(review.getId(), CaseSummaryPlugin.VARIABLE).toString()).isEqualTo(summary);
    assertThat(engine.getTaskService().getVariableLocal(review.getId(), "caseNumber")).isEqualTo(opened.getBusinessKey());
    for (String name : WRITTEN_ON_CREATE) {
      assertThat(engine.getRuntimeService().createVariableInstanceQuery().taskIdIn(review.getId()).variableName(name).count())
          .as(name).isEqualTo(1);
    }
    assertThat(backfill.run()).as("nothing left to write").isZero();
  }
}
