package org.nrm.repatriation;

import java.sql.Timestamp;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hand-overs received from other countries' mechanisms, each with the case it opened ({@code nrm_received_handover}). */
@Component
class ReceivedHandovers {

  private final JdbcTemplate jdbc;

  ReceivedHandovers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<String> caseOf(String fromJurisdiction, String handoverId) {
    return jdbc.queryForList("select case_id from nrm_received_handover where referred_from_jurisdiction = ? and handover_id = ?",
        String.class, fromJurisdiction, handoverId).stream().findFirst();
  }

  void record(String fromJurisdiction, String handoverId, String fromCase, String processInstanceId, String caseId) {
    jdbc.update("insert into nrm_received_handover (referred_from_jurisdiction, handover_id, referred_from_case, process_instance_id,"
        + " case_id, received_at) values (?, ?, ?, ?, ?, ?)", fromJurisdiction, handoverId, fromCase, processInstanceId, caseId,
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()));
  }
}
