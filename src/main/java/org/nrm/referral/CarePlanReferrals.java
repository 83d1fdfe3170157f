package org.nrm.referral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.nrm.institutions.Institution;
import org.nrm.rules.Deadline;

/**
 * The referrals of a case after its individual care plan: those the rules named, plus one for each
 * institution the plan adds (an institution already referred is not referred twice).
 */
final class CarePlanReferrals {

  static final String REASON = "Plan de atención individual";

  private CarePlanReferrals() {}

  static JsonNode merge(ObjectMapper json, JsonNode referrals, Collection<String> addedInstitutions, Deadline deadline) {
    ArrayNode merged = referrals != null && referrals.isArray() ? (ArrayNode) referrals.deepCopy() : json.createArrayNode();
    List<String> referred = new ArrayList<>();
    merged.forEach(referral -> referred.add(referral.path("institution").asText()));
    for (String institution : addedInstitutions) {
      if (Institution.byId(institution).isEmpty()) {
        throw new IllegalArgumentException("«" + institution + "» no es una institución del mecanismo");
      }
      if (!referred.contains(institution)) {
        referred.add(institution);
        merged.addObject().put("institution", institution).put("reason", REASON)
            .put("dueInHours", deadline.hours()).put("workingDays", deadline.workingDays());
      }
    }
    return merged;
  }
}
