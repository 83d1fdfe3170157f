package org.nrm.repatriation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The minimum data set of a hand-over: what the origin's receiving institutions need to receive the
 * person, trace a child's family and plan the reintegration, and no more. Not handed over: how the
 * person was detected and exploited beyond the form of exploitation, the complaint and proceedings,
 * the migration status, and every identity field (the identity travels apart, only to the
 * institutions whose tasks need it).
 */
final class HandoverDataSet {

  /** Case variables copied as they are, when the case has them. */
  static final List<String> CARRIED = List.of(
      // who is received: age group and sex for the reception, language for the interpreter
      "sex", "ageYears", "treatAsChild", "languages", "indigenous", "disability", "pregnant",
      // what reception and reintegration must provide
      "needs", "purposes", "iccsCode", "riskFactors", "originRiskFactors", "returnRiskLevel",
      // the care the person asked for (same-sex staff, LGBTQI+-sensitive care), so that nobody asks again
      "carePreferences",
      // for a child: the destination's best-interests determination
      "bestInterestsDetermined",
      // the planned travel
      "plannedDepartureDate", "arrivalPlace", "travelArrangements");

  /** What the origin needs when the travel is confirmed. */
  static final List<String> TRAVEL = List.of(
      "departureAt", "arrivalAt", "arrivalPlace", "flightDetails", "escortArranged", "escortInstitution");

  private HandoverDataSet() {}

  /** The data set of the destination's case, addressed to the origin's mechanism. */
  static Map<String, Object> of(DelegateExecution destination, String originJurisdiction) {
    Map<String, Object> dataSet = copy(destination, CARRIED);
    dataSet.put(RepatriationProtocol.JURISDICTION, originJurisdiction);
    dataSet.put(RepatriationProtocol.REFERRED_FROM_JURISDICTION, destination.getVariable(RepatriationProtocol.JURISDICTION));
    dataSet.put(RepatriationProtocol.REFERRED_FROM_CASE, destination.getProcessBusinessKey());
    return dataSet;
  }

  static Map<String, Object> copy(DelegateExecution execution, List<String> names) {
    Map<String, Object> copied = new LinkedHashMap<>();
    for (String name : names) {
      TypedValue value = execution.getVariableTyped(name);
      if (value != null && value.getValue() != null) {
        copied.put(name, value);
      }
    }
    return copied;
  }
}
