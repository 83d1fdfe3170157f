package org.nrm.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.nrm.support.CaseDriver;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each case has one de-identified statistics record, written with the events that change it: codes and dates only. */
@NrmIntegrationTest
class CaseStatisticsIntegrationTest {

  /** A woman of 29 from Guatemala found in Limón, exploited for sex and labour; her names and the free-text place are marked. */
  static final String INTAKE = """
      {"jurisdiction": "CR", "detectedAt": "2026-11-20T22:30:00-06:00", "detectionChannel": "ngo-outreach",
       "detectionPlace": {"country": "CR", "subdivision": "CR-L", "region": "Barrio Texto-Libre-4711", "lat": 9.99, "lon": -83.03},
       "sex": "female", "ageYears": 29, "nationality": "GT", "migrationStatus": "irregular", "indigenous": true,
       "acts": ["recruitment"], "means": ["deception"], "purposes": ["sexual-exploitation", "forced-labour"],
       "identity": {"givenNames": "Nombre-Marcado-0815", "familyNames": "Apellido-Marcado-0815", "phone": "+506 8888 0815"}}
      """;

  @Autowired ProcessEngine engine;
  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseStatisticsBackfill backfill;

  @Test
  void theIntakeWritesTheCasesRecordAndTheIdentificationUpdatesIt() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance opened = driver.open(INTAKE, "police.cr");

    Map<String, Object> record = record(opened);
    assertThat(record).containsEntry("jurisdiction", "CR").containsEntry("detection_channel", "ngo-outreach")
        .containsEntry("detection_region", "CR-L").containsEntry("sex", "female").containsEntry("age_group", "25-59")
        .containsEntry("victim_group", "woman").containsEntry("nationality", "GT").containsEntry("indigenous", true)
        .containsEntry("migration_status", "irregular").containsEntry("classification", "presumed-trafficking-victim")
        .containsEntry("treated_as_child", false).containsEntry("identification", "pending").containsEntry("complaint_filed", false);
    assertThat(record.get("detected_on").toString()).as("the day in Costa Rica's time").isEqualTo("2026-11-20");
    assertThat(record.get("identified_on")).isNull();
    assertThat(jdbc.queryForList("select purpose from nrm_stat_case_purpose where process_instance_id = ? order by purpose",
        String.class, opened.getId())).containsExactly("forced-labour", "sexual-exploitation");

    driver.reviewAndIdentify(opened, "identified");
    assertThat(record(opened)).containsEntry("identification", "identified");
    assertThat(record(opened).get("identified_on")).isNotNull();
  }

  @Test
  void noIdentityNoFreeTextAndNoAgeReachTheStatistics() throws Exception {
    ProcessInstance opened = new CaseDriver(engine, rest, json).open(INTAKE, "police.cr");

    Map<String, Object> values = new HashMap<>(record(opened));
    assertThat(values.remove("process_instance_id")).isEqualTo(opened.getId());
    values.remove("updated_at");
    values.put("purposes", jdbc.queryForList("select purpose from nrm_stat_case_purpose where process_instance_id = ?",
        String.class, opened.getId()));
    // every other column of this case's record is a code, a flag or a day
    assertThat(values.values().toString())
        .doesNotContain("Texto-Libre", "Marcado", "0815", "9.99", "83.03", "29", "Barrio");
  }

  @Test
  void aPersonOfUnknownAgeWhoMayBeAChildIsCountedAsAGirlOfUnknownAge() throws Exception {
    ProcessInstance opened = new CaseDriver(engine, rest, json).open(INTAKE.replace("\"ageYears\": 29,", "\"possiblyMinor\": true,")
        .replace("\"subdivision\": \"CR-L\", ", ""), "police.cr");

    assertThat(record(opened)).containsEntry("age_group", "unknown").containsEntry("victim_group", "girl")
        .containsEntry("treated_as_child", true).containsEntry("detection_region", "unknown");
  }

  @Test
  void aCaseOfAnEarlierVersionGetsItsRecordFromTheHistoryOnceAndAFresherRecordIsKept() throws Exception {
    CaseDriver driver = new CaseDriver(engine, rest, json);
    ProcessInstance earlier = driver.open(INTAKE, "police.cr");
    driver.reviewAndIdentify(earlier, "identified");
    Map<String, Object> written = record(earlier);
    // as before the store existed
    jdbc.update("delete from nrm_stat_case where process_instance_id = ?", earlier.getId());

    assertThat(backfill.run()).isEqualTo(1);
    Map<String, Object> backfilled = record(earlier);
    for (String column : List.of("jurisdiction", "detected_on", "detection_region", "sex", "age_group", "victim_group", "nationality",
        "classification", "identification", "identified_on", "risk_level", "iccs_code")) {
      assertThat(backfilled.get(column)).as(column).isEqualTo(written.get(column));
    }
    assertThat(jdbc.queryForList("select purpose from nrm_stat_case_purpose where process_instance_id = ? order by purpose",
        String.class, earlier.getId())).containsExactly("forced-labour", "sexual-exploitation");
    assertThat(backfill.run()).as("nothing left").isZero();
  }

  private Map<String, Object> record(ProcessInstance opened) {
    List<Map<String, Object>> rows = jdbc.queryForList("select * from nrm_stat_case where process_instance_id = ?", opened.getId());
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }
}
