package org.nrm.referral;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.nrm.casesummary.FactLabels;
import org.nrm.engine.AsTheMechanism;
import org.nrm.institutions.CallerJurisdictions;
import org.nrm.institutions.Institution;
import org.nrm.institutions.ProviderGroups;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person withdraws the consent to share with the provider of a referral: recorded with who
 * heard it and why, and from then on the provider's tasks show only what the referral is for (its
 * open tasks too), never the identity. Heard by the institution that chose the provider (child
 * protection for a child, the response team otherwise) or coordination, of the referral's
 * jurisdiction.
 */
@Service
public class ConsentWithdrawal {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final ReferralConsents consents;
  private final CallerJurisdictions jurisdictions;
  private final FactLabels labels = FactLabels.fromIntakeForm();

  ConsentWithdrawal(ProcessEngine engine, ReferralConsents consents, CallerJurisdictions jurisdictions) {
    this.engine = engine;
    this.consents = consents;
    this.jurisdictions = jurisdictions;
  }

  /** The referral's answers and shares, for whom may hear a withdrawal. */
  public List<Object> history(String referralId, Authentication caller) {
    HistoricProcessInstance referral = AsTheMechanism.call(engine.getIdentityService(), () -> referral(referralId, caller));
    return List.of(consents.ofCase(referral.getBusinessKey()).stream().filter(consent -> consent.referralId().equals(referralId))
        .toList(), consents.sharesOf(referral.getBusinessKey()).stream().filter(share -> share.referralId().equals(referralId))
        .toList());
  }

  @Transactional
  public ReferralConsents.Consent withdraw(String referralId, String reason, Authentication caller) {
    if (reason == null || reason.isBlank() || reason.length() > 2000) {
      throw ApiException.badRequest(ApiError.withField("No se registró el retiro.", "reason",
          "Escriba lo que dijo la persona y cuándo (hasta 2000 caracteres)."));
    }
    HistoricProcessInstance referral = AsTheMechanism.call(engine.getIdentityService(), () -> referral(referralId, caller));
    String caseId = referral.getBusinessKey();
    Optional<ReferralConsents.Consent> latest = consents.latest(caseId, referralId);
    if (latest.isEmpty() || !(ReferralConsents.GIVEN.equals(latest.get().decision())
        || ReferralConsents.BEST_INTERESTS.equals(latest.get().decision()))) {
      throw new ApiException(HttpStatus.CONFLICT, ApiError.of("Esta derivación no tiene un consentimiento vigente que retirar"
          + (latest.isPresent() ? " (lo último registrado: " + latest.get().decision() + ")." : ".")));
    }
    consents.record(referralId, caseId, latest.get().providerId(), ReferralConsents.WITHDRAWN, List.of(), null, reason.trim(),
        caller.getUserId());
    if (referral.getEndTime() == null) {
      AsTheMechanism.run(engine.getIdentityService(), () -> stopSharing(referralId));
    }
    return consents.latest(caseId, referralId).orElseThrow();
  }

  /** What the provider's open tasks show from now on: the referral alone. */
  private void stopSharing(String referralId) {
    engine.getRuntimeService().setVariable(referralId, "consentWithdrawn", true);
    engine.getRuntimeService().setVariable(referralId, "agreedFacts", "");
    String institution = (String) engine.getRuntimeService().getVariable(referralId, "institution");
    Object reason = engine.getRuntimeService().getVariable(referralId, "reason");
    ArrayNode rows = JSON.createArrayNode();
    rows.addObject().put("fact", "Derivación a").put("value", labels.institution(institution));
    rows.addObject().put("fact", "Motivo de la derivación").put("value", reason == null ? "No consta" : reason.toString());
    rows.addObject().put("fact", "Consentimiento").put("value", "Retirado por la persona: no se comparte nada más del caso.");
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceId(referralId).list()) {
      boolean providers = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .anyMatch(link -> ProviderGroups.providerOf(link.getGroupId()).isPresent());
      if (providers) {
        engine.getTaskService().setVariableLocal(task.getId(), "caseSummary", jsonValue(rows.toString()).create());
      }
    }
  }

  private HistoricProcessInstance referral(String referralId, Authentication caller) {
    Set<String> reachable = jurisdictions.of(caller);
    HistoricProcessInstance referral = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(referralId)
        .processDefinitionKey("ReferralProcess").singleResult();
    if (referral == null || !reachable.contains(referral.getTenantId())) {
      throw new ApiException(HttpStatus.NOT_FOUND, ApiError.of("No hay una derivación " + referralId + " a su alcance."));
    }
    List<String> groups = CallerJurisdictions.groupsOf(caller);
    if (!(groups.contains(Institution.RESPONSE_TEAM.id()) || groups.contains(Institution.CHILD_PROTECTION.id())
        || groups.contains(Institution.COORDINATION.id()) || groups.contains(CallerJurisdictions.ADMINISTRATORS))) {
      throw new ApiException(HttpStatus.FORBIDDEN, ApiError.of("El consentimiento lo registran el equipo de respuesta, protección de"
          + " la niñez o coordinación."));
    }
    return referral;
  }
}
