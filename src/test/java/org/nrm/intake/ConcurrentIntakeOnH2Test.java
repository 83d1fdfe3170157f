package org.nrm.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrm.support.ConcurrentRequests;
import org.nrm.support.ConcurrentRequests.Answer;
import org.nrm.support.ConcurrentRequests.Request;
import org.nrm.support.ProductProcess;

/**
 * The product as it starts by default (H2, demo users), in a JVM of its own: a burst of intakes
 * opening the first cases of the year all get their own number there too.
 */
class ConcurrentIntakeOnH2Test {

  @Test
  void sixtyFourConcurrentIntakesOpeningTheYearAllGetTheirOwnNumber() throws Exception {
    Path folder = ProductProcess.workFolder("h2-product-" + UUID.randomUUID());
    String detectedAt = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString();
    List<Request> intakes = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String jurisdiction = i % 2 == 0 ? "CR" : "GT";
      intakes.add(new Request("/api/cases", "police." + jurisdiction.toLowerCase(Locale.ROOT),
          ConcurrentRequests.adultIntake(jurisdiction, detectedAt)));
    }

    List<Answer> answers;
    try (ProductProcess product = ProductProcess.start(folder.resolve("product.log"),
        "--spring.datasource.url=jdbc:h2:file:" + folder.resolve("nrm") + ";DB_CLOSE_ON_EXIT=FALSE")) {
      answers = new ConcurrentRequests(product.baseUrl()).postAtOnce(intakes);
    }

    assertThat(answers).extracting(Answer::status).as(answers.toString()).containsOnly(201);
    ObjectMapper json = new ObjectMapper();
    List<String> caseIds = new ArrayList<>();
    for (Answer answer : answers) {
      caseIds.add(json.readTree(answer.body()).get("caseId").asText());
    }
    assertThat(new HashSet<>(caseIds)).hasSize(64);
    int year = OffsetDateTime.now(ZoneOffset.ofHours(-6)).getYear();
    assertThat(caseIds).contains("CR-%d-000001".formatted(year), "GT-%d-000001".formatted(year),
        "CR-%d-000032".formatted(year), "GT-%d-000032".formatted(year));
  }
}
