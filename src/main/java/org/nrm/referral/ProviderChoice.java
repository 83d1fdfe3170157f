package org.nrm.referral;

import static org.camunda.spin.plugin.variable.SpinValues.jsonValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.nrm.casesummary.FactLabels;
import org.nrm.engine.VariableJson;
import org.nrm.identity.IdentityProperties;
import org.nrm.institutions.ProviderGroups;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderCodes;
import org.nrm.providers.ProviderRanking;
import org.springframework.stereotype.Component;

/**
 * The chooser's task of a referral to a provider. When it is created it gets, as its own
 * variables, what the form shows: the providers offered best first with why, those not offered with
 * why not, the consent's choices (for a child, child protection's decision in the child's best
 * interests), the languages and the facts that may be shared. When it is completed it checks the
 * choice against the directory as it is then (a shelter may have filled meanwhile), records the
 * consent, and sends the referral to the provider's staff alone; anything else is refused (400).
 */
@Component("providerChoice")
class ProviderChoice implements TaskListener {

  /** The choice of no provider of the directory: the institution as a whole. */
  static final String INSTITUTION = "institution";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProviderCandidates candidates;
  private final ReferralConsents consents;
  private final IdentityProperties identity;
  private final FactLabels labels = FactLabels.fromIntakeForm();

  ProviderChoice(ProviderCandidates candidates, ReferralConsents consents, IdentityProperties identity) {
    this.candidates = candidates;
    this.consents = consents;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      choose(task);
    }
  }

  private void offer(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String institution = (String) execution.getVariable("institution");
    boolean child = ProviderCandidates.treatedAsChild(execution);
    ProviderCandidates.Ranked ranked = candidates.ranked(execution);
    ArrayNode options = JSON.createArrayNode();
    ArrayNode offered = JSON.createArrayNode();
    for (ProviderRanking.Fit fit : ranked.ranking().offered()) {
      options.addObject().put("label", fit.provider().name()).put("value", fit.provider().id());
      offered.addObject().put("provider", describe(fit.provider())).put("fit", String.join(" ", fit.reasons()))
          .put("contact", contact(fit.provider()));
    }
    // short labels: Tasklist does not wrap a radio's label; the form's text explains each choice
    options.addObject().put("label", "Ninguno del directorio: a la institución, sin prestador nombrado").put("value", INSTITUTION);
    ArrayNode notOffered = JSON.createArrayNode();
    for (Provider declined : ranked.declinedBefore()) {
      notOffered.addObject().put("provider", declined.name()).put("why", "Ya rechazó esta derivación.");
    }
    for (ProviderRanking.Exclusion exclusion : ranked.ranking().notOffered()) {
      notOffered.addObject().put("provider", exclusion.provider().name()).put("why", String.join(" ", exclusion.reasons()));
    }
    ArrayNode choices = JSON.createArrayNode();
    if (child) {
      choices.addObject().put("label", "Se deriva: es en su interés superior (escuchada su opinión)")
          .put("value", ReferralConsents.BEST_INTERESTS);
      choices.addObject().put("label", "No se deriva: no es en su interés superior").put("value", ReferralConsents.NOT_IN_BEST_INTERESTS);
    } else {
      choices.addObject().put("label", "La persona consiente la derivación y lo que se comparte").put("value", ReferralConsents.GIVEN);
      choices.addObject().put("label", "La persona no consiente: no se deriva").put("value", ReferralConsents.REFUSED);
    }
    ArrayNode languages = JSON.createArrayNode();
    for (String language : languagesOf(execution)) {
      languages.addObject().put("label", labels.language(language)).put("value", language);
    }
    ArrayNode facts = JSON.createArrayNode();
    shareable(execution).forEach((code, label) -> facts.addObject().put("label", label).put("value", code));
    String service = (String) execution.getVariable("referralService");
    task.setVariableLocal("referralAsked", "Derivación a «" + labels.institution(institution) + "»: "
        + execution.getVariable("reason") + (service == null ? "." : ". Servicio pedido: "
        + ProviderCodes.SERVICES.get(service).toLowerCase(Locale.ROOT) + "."));
    task.setVariableLocal("choosingForAChild", child);
    task.setVariableLocal("providerOptions", json(options));
    task.setVariableLocal("providersOffered", json(offered));
    task.setVariableLocal("providersNotOffered", json(notOffered));
    task.setVariableLocal("consentChoices", json(choices));
    task.setVariableLocal("consentLanguages", json(languages));
    task.setVariableLocal("shareableFacts", json(facts));
  }

  private void choose(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    boolean child = ProviderCandidates.treatedAsChild(execution);
    String chosen = text(task.getVariable("provider"));
    ProviderCandidates.Ranked ranked = candidates.ranked(execution);
    Optional<Provider> provider = ranked.ranking().offered().stream().map(ProviderRanking.Fit::provider)
        .filter(offered -> offered.id().equals(chosen)).findFirst();
    if (chosen == null) {
      throw new ReferralRefused("provider", "elija un prestador de la lista, o ninguno para derivar a la institución.");
    }
    if (provider.isEmpty() && !INSTITUTION.equals(chosen)) {
      String why = ranked.ranking().notOffered().stream().filter(exclusion -> exclusion.provider().id().equals(chosen))
          .map(exclusion -> " " + String.join(" ", exclusion.reasons())).findFirst()
          .orElse(ranked.declinedBefore().stream().anyMatch(declined -> declined.id().equals(chosen))
              ? " Ya rechazó esta derivación." : "");
      throw new ReferralRefused("provider", "ese prestador no se ofrece para esta derivación." + why
          + " Vuelva a abrir la tarea y elija otro.");
    }
    String decision = text(task.getVariable("consentDecision"));
    List<String> allowed = child ? List.of(ReferralConsents.BEST_INTERESTS, ReferralConsents.NOT_IN_BEST_INTERESTS)
        : List.of(ReferralConsents.GIVEN, ReferralConsents.REFUSED);
    if (!allowed.contains(decision)) {
      throw new ReferralRefused("consentDecision", child
          ? "registre la decisión de protección de la niñez en el interés superior de la niña, niño o adolescente."
          : "registre si la persona consiente o no la derivación: sin su consentimiento no se envía.");
    }
    String reason = text(task.getVariable("consentReason"));
    if (child && reason == null) {
      throw new ReferralRefused("consentReason", "explique por qué la decisión responde al interés superior de la niña, niño o"
          + " adolescente y qué opinó.");
    }
    String language = text(task.getVariable("consentLanguage"));
    if (language == null || !languagesOf(execution).contains(language)) {
      throw new ReferralRefused("consentLanguage", "indique en qué idioma se informó a la persona, de los de la lista.");
    }
    Map<String, String> shareable = shareable(execution);
    List<String> facts = new ArrayList<>();
    for (JsonNode fact : VariableJson.of(task.getVariable("sharedFacts"))) {
      if (!shareable.containsKey(fact.asText())) {
        throw new ReferralRefused("sharedFacts", "«" + fact.asText() + "» no es un dato que esta derivación pueda compartir.");
      }
      facts.add(fact.asText());
    }
    boolean consented = ReferralConsents.GIVEN.equals(decision) || ReferralConsents.BEST_INTERESTS.equals(decision);
    if (reason != null && reason.length() > 2000) {
      throw new ReferralRefused("consentReason", "escriba como mucho 2000 caracteres.");
    }
    String providerId = provider.map(Provider::id).orElse(null);
    consents.record(execution.getProcessInstanceId(), execution.getProcessBusinessKey(), providerId, decision,
        consented ? facts : List.of(), language, reason, recordedBy(task));
    execution.setVariable("referralConsented", consented);
    execution.setVariable("agreedFacts", consented ? String.join(",", facts) : "");
    execution.setVariable("consentWithdrawn", false);
    if (consented && provider.isPresent()) {
      execution.setVariable("provider", providerId);
      execution.setVariable("providerName", provider.get().name());
      execution.setVariable("referralGroup", ProviderGroups.groupOf(providerId));
    } else {
      execution.setVariable("provider", null);
      execution.setVariable("providerName", null);
      execution.setVariable("referralGroup", execution.getVariable("institution"));
    }
  }

  private Map<String, String> shareable(DelegateExecution execution) {
    String institution = (String) execution.getVariable("institution");
    boolean identityNeeded = identity.shownInTasks().getOrDefault("UserTask_DeliverService", List.of()).contains(institution);
    return ConsentFacts.shareable(institution, identityNeeded);
  }

  /** The person's languages, then Spanish and English. */
  private static List<String> languagesOf(DelegateExecution execution) {
    LinkedHashSet<String> languages = new LinkedHashSet<>(ProviderCandidates.personOf(execution).languages());
    languages.add("es");
    languages.add("en");
    return new ArrayList<>(languages);
  }

  private static String describe(Provider provider) {
    return provider.name() + " (" + ProviderCodes.SECTORS.get(provider.sector()).toLowerCase(Locale.ROOT) + ")";
  }

  private static String contact(Provider provider) {
    if (provider.contacts() == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (provider.contacts().phone() != null) {
      parts.add(provider.contacts().phone());
    }
    if (provider.contacts().email() != null) {
      parts.add(provider.contacts().email());
    }
    return String.join(" · ", parts);
  }

  private static String recordedBy(DelegateTask task) {
    String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "sistema";
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static Object json(ArrayNode node) {
    return jsonValue(node.toString()).create();
  }
}
