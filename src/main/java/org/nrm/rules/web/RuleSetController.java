package org.nrm.rules.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.Institution;
import org.nrm.modelchanges.ModelChange;
import org.nrm.rules.DecisionDomain;
import org.nrm.rules.CaseDecisionService;
import org.nrm.rules.RuleSet;
import org.nrm.rules.RuleSetActivation;
import org.nrm.rules.RuleSetRejectedException;
import org.nrm.web.ApiError;
import org.nrm.web.RequestBodies;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Analysts replace the decision rules without a rebuild: {@code POST /api/rule-sets} with a ZIP of
 * the rules folder. A rule set that does not compile is refused (400, with Drools' messages) and
 * the running rules stay in place. HTTP basic authentication, as for the engine REST API.
 */
@RestController
@RequestMapping("/api/rule-sets")
class RuleSetController {

  /** What the active rule set is: version, files and the names of its rules per domain. */
  record RuleSetView(String version, List<String> files, Map<String, List<String>> rules) {}

  private final RuleSetActivation activation;
  private final CaseDecisionService decisions;
  private final IdentityService identity;

  RuleSetController(RuleSetActivation activation, CaseDecisionService decisions, IdentityService identity) {
    this.activation = activation;
    this.decisions = decisions;
    this.identity = identity;
  }

  @PostMapping(consumes = {"application/zip", "application/octet-stream"})
  ResponseEntity<?> replace(HttpServletRequest request, @RequestParam(name = "comment", required = false) String comment)
      throws IOException {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getGroupIds() == null || !caller.getGroupIds().contains(Institution.ANALYSTS.id())) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN)
          .body(ApiError.of("Sólo el grupo «analysts» puede reemplazar las reglas de decisión."));
    }
    if (comment == null || comment.trim().length() < ModelChange.MIN_REASON_LENGTH) {
      return ResponseEntity.badRequest().body(ApiError.withField("Las reglas en uso no cambiaron.", "comment",
          "Escriba por qué reemplaza las reglas (al menos " + ModelChange.MIN_REASON_LENGTH + " caracteres): queda en el registro de"
              + " cambios."));
    }
    byte[] archive = RequestBodies.read(request, RuleSetArchive.MAX_BYTES, RuleSetArchive.REFUSED);
    RuleSet active = activation.replace(RuleSetArchive.read(archive), caller.getUserId(), comment.trim());
    return ResponseEntity.created(URI.create("/api/rule-sets/active")).body(view(active));
  }

  @GetMapping("/active")
  RuleSetView active() {
    return view(decisions.active());
  }

  @ExceptionHandler(RuleSetRejectedException.class)
  ResponseEntity<ApiError> rejected(RuleSetRejectedException e) {
    return ResponseEntity.badRequest().body(ApiError.withDetails(
        "El conjunto de reglas fue rechazado; las reglas en uso no cambiaron.", e.details()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> notAuthorized(AuthorizationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ApiError.of("No tiene permiso para crear despliegues de reglas."));
  }

  private static RuleSetView view(RuleSet ruleSet) {
    Map<String, List<String>> rules = new LinkedHashMap<>();
    for (DecisionDomain domain : DecisionDomain.values()) {
      rules.put(domain.code(), ruleSet.knowledgeBase(domain).getKiePackages().stream()
          .map(KiePackage::getRules).flatMap(java.util.Collection::stream).map(Rule::getName).sorted().toList());
    }
    return new RuleSetView(ruleSet.version(), ruleSet.files(), rules);
  }
}
