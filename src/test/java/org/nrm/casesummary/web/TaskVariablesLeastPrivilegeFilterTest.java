package org.nrm.casesummary.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a task's form shows is what an institution reads through the task: fields, and what expressions and templates read. */
class TaskVariablesLeastPrivilegeFilterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aFormShowsItsFieldsAndTheVariablesItsTemplatesAndConditionsRead() throws Exception {
    Set<String> durableSolution = TaskVariablesLeastPrivilegeFilter.shownBy(JSON.readTree(Path.of("forms", "durable-solution.form").toFile()));
    assertThat(durableSolution).contains("caseSummary", "durableSolution", "durableSolutionReason", "repatriationBlockedBy")
        .doesNotContain("acts", "means", "nationality", "identificationReason");

    Set<String> consular = TaskVariablesLeastPrivilegeFilter.shownBy(JSON.readTree(Path.of("forms", "consular-documents.form").toFile()));
    assertThat(consular).contains("identity_givenNames", "returnCountry", "travelDocumentType").doesNotContain("acts", "riskFactors");
  }
}
