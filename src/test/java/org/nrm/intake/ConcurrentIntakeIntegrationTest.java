package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.ConcurrentRequests.Answer;
import org.nrm.support.ConcurrentRequests.Request;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bursts of intakes on PostgreSQL, opening the first cases of a jurisdiction and year: every one
 * opens its case, each with a number of its own, whether through the API or Tasklist's start form.
 */
@NrmIntegrationTest
class ConcurrentIntakeIntegrationTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void sixtyFourConcurrentIntakesOpeningTheYearAllGetTheirOwnNumber() throws Exception {
    int year = 2031; // no other test opens cases in it
    List<Request> intakes = burst(64, year, jurisdiction -> "/api/cases",
        jurisdiction -> ConcurrentRequests.adultIntake(jurisdiction, year + "-03-01T22:15:00-06:00"));

    List<Answer> answers = sendAt(year, intakes);

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201);
    assertThat(caseIds(answers, "/caseId")).containsExactlyInAnyOrderElementsOf(firstNumbers(year, 32));
  }

  @Test
  void concurrentStartFormsOpeningTheYearAllGetTheirOwnNumber() throws Exception {
    int year = 2032; // no other test opens cases in it
    List<Request> forms = burst(16, year, jurisdiction -> "/engine-rest/process-definition/key/NrmCaseProcess/submit-form",
        jurisdiction -> ConcurrentRequests.adultStartForm(jurisdiction, year + "-03-01T22:15:00-06:00"));

    List<Answer> answers = sendAt(year, forms);

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(200);
    assertThat(caseIds(answers, "/businessKey")).containsExactlyInAnyOrderElementsOf(firstNumbers(year, 8));
  }

  /** Half of the requests in Costa Rica, half in Guatemala, each sent by that jurisdiction's police. */
  private static List<Request> burst(int size, int year, Function<String, String> path,
      Function<String, String> body) {
    List<Request> requests = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String jurisdiction = i % 2 == 0 ? "CR" : "GT";
      requests.add(new Request(path.apply(jurisdiction), "police." + jurisdiction.toLowerCase(Locale.ROOT), body.apply(jurisdiction)));
    }
    return requests;
  }

  private List<Answer> sendAt(int year, List<Request> requests) throws Exception {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(year + "-03-02T09:00:00-06:00").toInstant()));
    return new ConcurrentRequests("http://localhost:" + port).postAtOnce(requests);
  }

  private List<String> caseIds(List<Answer> answers, String pointer) throws Exception {
    List<String> caseIds = new ArrayList<>();
    for (Answer answer : answers) {
      String caseId = json.readTree(answer.body()).at(pointer).asText();
      caseIds.add(caseId);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
          .as("one case " + caseId).isEqualTo(1);
    }
    return caseIds;
  }

  private static List<String> firstNumbers(int year, int perJurisdiction) {
    List<String> numbers = new ArrayList<>();
    for (String jurisdiction : List.of("CR", "GT")) {
      IntStream.rangeClosed(1, perJurisdiction).forEach(n -> numbers.add("%s-%d-%06d".formatted(jurisdiction, year, n)));
    }
    return numbers;
  }
}
