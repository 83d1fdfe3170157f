package org.nrm.catalogue.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.catalogue.ServiceCatalogue;
import org.nrm.catalogue.ServiceSheet;
import org.nrm.engine.AsTheMechanism;
import org.nrm.institutions.CallerJurisdictions;
import org.nrm.providers.ProviderAccess;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Printable pages from the directory: the person's sheet of services
 * ({@code GET /api/catalogue/sheet?caseId=&language=&ownCopy=}), opened from a task form by the
 * institution meeting the person, and the catalogue of services by region for institutions
 * ({@code GET /api/catalogue?jurisdiction=}). With Tasklist's session or basic authentication.
 */
@Controller
@RequestMapping("/api/catalogue")
class CatalogueController {

  private final ServiceSheet sheets;
  private final ServiceCatalogue catalogue;
  private final ProviderAccess access;
  private final IdentityService identity;

  CatalogueController(ServiceSheet sheets, ServiceCatalogue catalogue, ProviderAccess access, IdentityService identity) {
    this.sheets = sheets;
    this.catalogue = catalogue;
    this.access = access;
    this.identity = identity;
  }

  @Operation(summary = "La hoja de derechos y servicios de la persona, para imprimir (text/html)",
      description = "Para una institución con una tarea abierta del caso; sin nombre salvo ownCopy=true, que registra la lectura.")
  @GetMapping(value = "/sheet", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView sheet(@RequestParam(required = false) String caseId, @RequestParam(defaultValue = "es") String language,
      @RequestParam(defaultValue = "false") boolean ownCopy) {
    if (caseId == null || caseId.isBlank() || caseId.length() > 64) {
      throw ApiException.badRequest(ApiError.withField("Falta el caso.", "caseId", "Indique el número del caso."));
    }
    Authentication caller = caller();
    Map<String, Object> model = AsTheMechanism.call(identity, () -> sheets.of(caseId, language, ownCopy, caller.getUserId(),
        CallerJurisdictions.groupsOf(caller)));
    return new ModelAndView("catalogue/sheet", model);
  }

  @Operation(summary = "El catálogo de servicios de la jurisdicción por región, para instituciones (text/html)")
  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView services(@RequestParam(required = false) String jurisdiction) {
    Set<String> readable = access.readable(caller());
    String asked = jurisdiction == null || jurisdiction.isBlank() ? readable.stream().findFirst().orElse("") : jurisdiction;
    if (!readable.contains(asked)) {
      throw new ApiException(HttpStatus.FORBIDDEN, ApiError.withField("No tiene acceso al catálogo de " + asked + ".",
          "jurisdiction", "Jurisdicciones a su alcance: " + String.join(", ", readable) + "."));
    }
    Map<String, Object> model = catalogue.of(asked);
    model.put("others", readable.stream().filter(code -> !code.equals(asked)).toList());
    model.put("hasOthers", readable.size() > 1);
    return new ModelAndView("catalogue/services", model);
  }

  private Authentication caller() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ApiError.of("Inicie sesión."));
    }
    return caller;
  }
}
