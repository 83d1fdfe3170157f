package org.nrm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nrm.support.ProcessCoverage;

/**
 * Every model in processes/ is covered by the tests path by path: 100% of its flow nodes and
 * sequence flows, over the whole test run. Runs last ({@link ClassOrderer.OrderAnnotation}, see
 * junit-platform.properties); the HTML reports are under target/process-test-coverage.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageGateTest {

  static Stream<Path> models() throws IOException {
    return Files.list(Path.of("processes")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
  }

  @ParameterizedTest(name = "{0} is covered 100%")
  @MethodSource("models")
  void everyFlowNodeAndSequenceFlowIsCovered(Path model) throws IOException {
    BpmnModelInstance bpmn = Bpmn.readModelFromFile(model.toFile());
    String processKey = bpmn.getModelElementsByType(Process.class).iterator().next().getId();
    Set<String> elements = new TreeSet<>();
    bpmn.getModelElementsByType(FlowNode.class).forEach(node -> elements.add(node.getId()));
    bpmn.getModelElementsByType(SequenceFlow.class).forEach(flow -> elements.add(flow.getId()));

    Set<String> uncovered = new TreeSet<>(elements);
    uncovered.removeAll(ProcessCoverage.coveredElements(processKey));

    assertThat(ProcessCoverage.model(processKey)).as(processKey + " was never run by a test").isNotNull();
    assertThat(uncovered).as(processKey + ": elements no test passes through").isEmpty();
  }

  @AfterAll
  static void writeTheReports() {
    if (!ProcessCoverage.collector().getSuites().isEmpty()) {
      CoverageReportUtil.createReport(ProcessCoverage.collector(), null);
      CoverageReportUtil.createJsonReport(ProcessCoverage.collector(), null);
    }
  }
}
