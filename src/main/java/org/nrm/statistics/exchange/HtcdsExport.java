package org.nrm.statistics.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrm.statistics.query.StatisticsProperties;
import org.nrm.statistics.query.StatisticsRequest;
import org.nrm.statistics.query.StoreFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The anonymised case-level exchange: one record per case of the statistics store, in HTCDS 2.0
 * field names and values, generalised (age group, year, first-level region; no date, no age, no
 * identity, no free text, no case id) and k-anonymous on its quasi-identifiers: a record whose
 * combination of them is shared by fewer than k cases is left out, and the left-out are counted.
 */
@Component
public class HtcdsExport {

  /** What someone who knows a person could know of them, and so could single out their record by. */
  public static final List<String> QUASI_IDENTIFIERS = List.of("hte_Country", "hte_State", "nrm_DetectionYear", "prs_Gender",
      "nrm_AgeGroup", "prs_Citizenship", "nrm_Indigenous", "nrm_MigrationStatus");
  public static final List<String> FIELDS = List.of("hte_Country", "hte_State", "nrm_DetectionYear", "prs_Gender", "nrm_AgeGroup",
      "nrm_VictimGroup", "prs_Citizenship", "nrm_Indigenous", "nrm_MigrationStatus", "vic_TypeOfExploitation", "nrm_IccsCode",
      "nrm_DetectionChannel", "vic_TraffickingStatus", "vic_TraffickingStatusDecisionMakingOrg", "cas_Status");

  /** The records and how many were left out. */
  public record Export(int minimumGroup, List<Map<String, String>> records, int withheld, int cases) {}

  private final JdbcTemplate jdbc;
  private final StatisticsProperties properties;

  HtcdsExport(JdbcTemplate jdbc, StatisticsProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public Export of(StatisticsRequest request) {
    int k = properties.minimumCellOf(request.jurisdictions());
    List<Object> parameters = new ArrayList<>();
    String where = StoreFilter.where(request, parameters);
    Map<String, List<String>> purposes = new HashMap<>();
    jdbc.query("select p.process_instance_id, p.purpose from nrm_stat_case_purpose p join nrm_stat_case c"
        + " on c.process_instance_id = p.process_instance_id where " + where, row -> {
          purposes.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
        }, parameters.toArray());
    List<Map<String, String>> records = jdbc.query("select c.process_instance_id, c.jurisdiction, c.detection_region,"
        + " cast(extract(year from c.detected_on) as integer) as detection_year, c.sex, c.age_group, c.victim_group, c.nationality,"
        + " c.indigenous, c.migration_status, c.iccs_code, c.detection_channel, c.identification, c.closed_on, c.stage,"
        + " c.case_outcome from nrm_stat_case c where " + where, (row, number) -> {
          Map<String, String> record = new LinkedHashMap<>();
          String region = row.getString("detection_region");
          record.put("hte_Country", "unknown".equals(region) ? row.getString("jurisdiction") : region.substring(0, 2));
          record.put("hte_State", "unknown".equals(region) ? "" : region);
          record.put("nrm_DetectionYear", String.valueOf(row.getInt("detection_year")));
          record.put("prs_Gender", HtcdsCodes.gender(row.getString("sex")));
          record.put("nrm_AgeGroup", row.getString("age_group"));
          record.put("nrm_VictimGroup", row.getString("victim_group"));
          record.put("prs_Citizenship", HtcdsCodes.citizenship(row.getString("nationality")));
          record.put("nrm_Indigenous", row.getBoolean("indigenous") ? "yes" : "no");
          record.put("nrm_MigrationStatus", row.getString("migration_status"));
          record.put("vic_TypeOfExploitation", HtcdsCodes.typeOfExploitation(
              purposes.getOrDefault(row.getString("process_instance_id"), List.of())));
          record.put("nrm_IccsCode", row.getString("iccs_code") == null ? "" : row.getString("iccs_code"));
          record.put("nrm_DetectionChannel", row.getString("detection_channel"));
          record.put("vic_TraffickingStatus", HtcdsCodes.traffickingStatus(row.getString("identification")));
          record.put("vic_TraffickingStatusDecisionMakingOrg", HtcdsCodes.decisionMakingOrg(row.getString("identification")));
          record.put("cas_Status", HtcdsCodes.caseStatus(row.getDate("closed_on") != null, row.getString("stage"),
              row.getString("case_outcome")));
          return record;
        }, parameters.toArray());
    Map<List<String>, Integer> groups = new HashMap<>();
    records.forEach(record -> groups.merge(quasiIdentifiers(record), 1, Integer::sum));
    List<Map<String, String>> kept = new ArrayList<>(records.stream()
        .filter(record -> groups.get(quasiIdentifiers(record)) >= k).toList());
    // in the order of their values, so that nothing in the order says which case came first
    Comparator<Map<String, String>> byValues = Comparator.comparing(record -> String.join("\u0000", record.values()));
    kept.sort(byValues);
    return new Export(k, List.copyOf(kept), records.size() - kept.size(), records.size());
  }

  private static List<String> quasiIdentifiers(Map<String, String> record) {
    return QUASI_IDENTIFIERS.stream().map(record::get).toList();
  }
}
