package org.nrm.catalogue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.nrm.identity.IdentityRecord;
import org.nrm.identity.IdentityVault;
import org.nrm.institutions.MechanismProperties;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderDirectory;
import org.nrm.providers.ReferralServices;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The person's sheet of services (OAS plan §78): her or his rights, the services referred to and
 * how to reach them (a provider's contacts only where it agreed they are given to persons), and the
 * numbers to call, in the person's language. Printed by an institution that works an open task of
 * the case, the institution meeting the person. No identity is printed, unless the person asks for
 * her or his own copy: then the name is read from the vault, and the read recorded.
 */
@Service
public class ServiceSheet {

  /** What a referral shows on the sheet, by its state; declined, refused and undelivered ones are not listed. */
  private static final Map<String, String> STATES = Map.of("pending", "state.pending", "declined", "state.pending",
      "accepted", "state.accepted", "delivered", "state.delivered");
  static final String OWN_COPY_PURPOSE = "Hoja de servicios: copia personal pedida por la persona";

  private final HistoryService history;
  private final TaskService tasks;
  private final ProviderDirectory directory;
  private final IdentityVault vault;
  private final SheetTexts texts;
  private final CatalogueProperties catalogue;
  private final MechanismProperties mechanism;

  ServiceSheet(HistoryService history, TaskService tasks, ProviderDirectory directory, IdentityVault vault, SheetTexts texts,
      CatalogueProperties catalogue, MechanismProperties mechanism) {
    this.history = history;
    this.tasks = tasks;
    this.directory = directory;
    this.vault = vault;
    this.texts = texts;
    this.catalogue = catalogue;
    this.mechanism = mechanism;
  }

  /** The sheet's model for the template {@code catalogue/sheet}; read by the mechanism once the caller is allowed. */
  public Map<String, Object> of(String caseId, String language, boolean ownCopy, String userId, List<String> groupIds) {
    if (!texts.has(language)) {
      throw ApiException.badRequest(ApiError.withField("No hay una hoja en ese idioma.", "language",
          "Idiomas de la hoja: " + String.join(", ", texts.languages().keySet()) + "."));
    }
    HistoricProcessInstance caseInstance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("NrmCaseProcess").singleResult();
    if (caseInstance == null || !worksOn(caseId, userId, groupIds)) {
      throw new ApiException(HttpStatus.NOT_FOUND, ApiError.of("No hay un caso " + caseId + " en el que su institución tenga"
          + " una tarea abierta: la hoja la imprime la institución que atiende a la persona."));
    }
    String jurisdiction = caseInstance.getTenantId();
    Map<String, Object> sheet = new HashMap<>();
    sheet.put("language", language);
    List<Map<String, String>> others = new ArrayList<>();
    texts.languages().forEach((code, name) -> {
      if (!code.equals(language)) {
        others.add(Map.of("name", name, "href", "?caseId=" + URLEncoder.encode(caseId, StandardCharsets.UTF_8)
            + "&language=" + code + (ownCopy ? "&ownCopy=true" : "")));
      }
    });
    sheet.put("otherLanguages", others);
    sheet.put("t", texts.of(language));
    sheet.put("child", Boolean.TRUE.equals(variablesOf(List.of(caseInstance.getId()), "treatAsChild")
        .getOrDefault(caseInstance.getId(), Map.of()).get("treatAsChild")));
    sheet.put("services", services(caseId, language));
    sheet.put("contacts", catalogue.of(jurisdiction));
    sheet.put("jurisdiction", mechanism.jurisdictions().stream().filter(j -> j.code().equals(jurisdiction))
        .map(MechanismProperties.Jurisdiction::name).findFirst().orElse(jurisdiction));
    sheet.put("date", LocalDate.now(mechanism.timeZoneOf(jurisdiction)).toString());
    sheet.put("ownCopy", false);
    if (ownCopy) {
      Optional<IdentityRecord> identity = vault.read(caseId, userId, OWN_COPY_PURPOSE);
      identity.ifPresent(person -> sheet.put("ownCopy", true));
      identity.ifPresent(person -> sheet.put("ownCopyOf", String.join(" ",
          List.of(person.givenNames() == null ? "" : person.givenNames(), person.familyNames() == null ? "" : person.familyNames()))
          .trim()));
    }
    return sheet;
  }

  private boolean worksOn(String caseId, String userId, List<String> groupIds) {
    long assigned = tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskAssignee(userId).count();
    return assigned > 0 || (!groupIds.isEmpty()
        && tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskCandidateGroupIn(groupIds).includeAssignedTasks().count() > 0);
  }

  private List<Map<String, Object>> services(String caseId, String language) {
    List<HistoricProcessInstance> referrals = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
        .processDefinitionKey("ReferralProcess").orderByProcessInstanceStartTime().asc().list();
    if (referrals.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = variablesOf(referrals.stream().map(HistoricProcessInstance::getId).toList(),
        "institution", "provider", "referralState");
    List<Map<String, Object>> services = new ArrayList<>();
    for (HistoricProcessInstance referral : referrals) {
      Map<String, Object> of = variables.getOrDefault(referral.getId(), Map.of());
      String state = STATES.get(String.valueOf(of.get("referralState")));
      if (state == null || !(of.get("institution") instanceof String institution)) {
        continue;
      }
      Map<String, Object> service = new LinkedHashMap<>();
      service.put("what", ReferralServices.of(institution).map(code -> texts.text(language, "service." + code))
          .orElse(texts.text(language, "institution." + institution)));
      service.put("state", texts.text(language, state));
      Optional<Provider> provider = of.get("provider") instanceof String id ? directory.find(id) : Optional.empty();
      service.put("who", provider.map(Provider::name).orElse(""));
      List<Map<String, String>> reach = new ArrayList<>();
      if (provider.isPresent() && provider.get().contacts() != null && provider.get().contacts().givenToPersons()) {
        Provider.Contacts contacts = provider.get().contacts();
        add(reach, texts.text(language, "label.phone"), contacts.phone());
        add(reach, texts.text(language, "label.email"), contacts.email());
        add(reach, texts.text(language, "label.address"), contacts.address());
        add(reach, texts.text(language, "label.hours"), contacts.hours());
      }
      service.put("reach", reach);
      service.put("private", reach.isEmpty());
      services.add(service);
    }
    return services;
  }

  private static void add(List<Map<String, String>> reach, String label, String value) {
    if (value != null && !value.isBlank()) {
      reach.add(Map.of("label", label, "value", value));
    }
  }

  private Map<String, Map<String, Object>> variablesOf(List<String> processInstanceIds, String... names) {
    Map<String, Map<String, Object>> byInstance = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableNameIn(names).disableCustomObjectDeserialization()
        .list()) {
      // a process's own variable, not a task's or an inner scope's
      if (variable.getExecutionId() == null || variable.getExecutionId().equals(variable.getProcessInstanceId())) {
        byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
      }
    }
    return byInstance;
  }
}
