package org.nrm.providers.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.nrm.institutions.Institution;
import org.nrm.intake.Subdivisions;
import org.nrm.providers.Provider;
import org.nrm.providers.ProviderAccess;
import org.nrm.providers.ProviderCodes;
import org.nrm.providers.ProviderDirectory;
import org.nrm.providers.ProviderRanking;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.nrm.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory of service providers over HTTP ({@code /api/providers}): institutions read the
 * providers of their jurisdictions; coordination of a jurisdiction and the administrators create,
 * change and deactivate them, each change saved on the version it was made on and kept in the
 * provider's history. Spanish errors naming the field; a refused change changes nothing.
 */
@RestController
@RequestMapping("/api/providers")
class ProviderController {

  static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper STRICT_JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private final ProviderDirectory directory;
  private final ProviderAccess access;
  private final IdentityService identity;

  ProviderController(ProviderDirectory directory, ProviderAccess access, IdentityService identity) {
    this.directory = directory;
    this.access = access;
    this.identity = identity;
  }

  /** {@code GET /api/providers?jurisdiction=CR&service=shelter}: the active providers, of one service if given. */
  @GetMapping
  List<Provider> list(@RequestParam(required = false) List<String> jurisdiction, @RequestParam(required = false) String service,
      @RequestParam(defaultValue = "false") boolean inactive) {
    Set<String> readable = access.readable(caller());
    List<String> asked = jurisdiction == null || jurisdiction.isEmpty() ? List.copyOf(readable) : jurisdiction;
    for (String code : asked) {
      if (!readable.contains(code)) {
        throw new ApiException(HttpStatus.FORBIDDEN, ApiError.withField("No tiene acceso al directorio de " + code + ".",
            "jurisdiction", "Jurisdicciones a su alcance: " + String.join(", ", readable) + "."));
      }
    }
    if (service != null && !ProviderCodes.SERVICES.containsKey(service)) {
      throw ApiException.badRequest(ApiError.withField("Servicio desconocido.", "service",
          "Use uno de: " + String.join(", ", ProviderCodes.SERVICES.keySet()) + "."));
    }
    return directory.list(asked, service, inactive);
  }

  /**
   * The active providers of a service for a person, best fit first, and those not offered with
   * their reasons ({@link ProviderRanking}): the case's codes only, never the identity.
   */
  @GetMapping("/ranking")
  ProviderRanking.Ranked ranking(@RequestParam String jurisdiction, @RequestParam String service,
      @RequestParam(required = false) Integer ageYears, @RequestParam(defaultValue = "false") boolean treatAsChild,
      @RequestParam(defaultValue = "unknown") String sex, @RequestParam(required = false) String region,
      @RequestParam(required = false) List<String> languages, @RequestParam(defaultValue = "false") boolean disability,
      @RequestParam(defaultValue = "false") boolean lgbtqiSensitiveCare) {
    if (ageYears != null && (ageYears < 0 || ageYears > 120)) {
      throw ApiException.badRequest(ApiError.withField("No se pudo ordenar el directorio.", "ageYears", "Entre 0 y 120."));
    }
    List<Provider> providers = list(List.of(jurisdiction), service, false);
    return ProviderRanking.rank(providers, service, new ProviderRanking.Person(ageYears, treatAsChild, sex, region,
        languages == null ? List.of() : languages, disability, lgbtqiSensitiveCare));
  }

  /** The code lists with their Spanish labels, for forms and pages; the regions of each jurisdiction served. */
  @GetMapping("/codes")
  Map<String, Object> codes() {
    Map<String, String> institutions = new LinkedHashMap<>();
    for (Institution institution : Institution.values()) {
      if (institution != Institution.COORDINATION && institution != Institution.ANALYSTS) {
        institutions.put(institution.id(), institution.spanishName());
      }
    }
    Map<String, Map<String, String>> regions = new LinkedHashMap<>();
    access.served().forEach(jurisdiction -> regions.put(jurisdiction, Subdivisions.of(jurisdiction)));
    return Map.of("services", ProviderCodes.SERVICES, "ageGroups", ProviderCodes.AGE_GROUPS, "sexes", ProviderCodes.SEXES,
        "sectors", ProviderCodes.SECTORS, "institutions", institutions, "regions", regions);
  }

  /** The jurisdictions whose directory the caller reads, and those whose directory they keep. */
  @GetMapping("/access")
  Map<String, Set<String>> access() {
    Authentication caller = caller();
    Set<String> keeps = new TreeSet<>();
    for (String jurisdiction : access.readable(caller)) {
      if (access.keeps(caller, jurisdiction)) {
        keeps.add(jurisdiction);
      }
    }
    return Map.of("reads", access.readable(caller), "keeps", keeps);
  }

  @GetMapping("/{id}")
  Provider one(@PathVariable String id) {
    return readable(id);
  }

  @GetMapping("/{id}/history")
  List<ProviderDirectory.Change> history(@PathVariable String id) {
    readable(id);
    return directory.history(id);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Provider> create(HttpServletRequest request) throws IOException {
    JsonNode document = body(request);
    Authentication caller = caller();
    String jurisdiction = document.path("jurisdiction").asText("");
    if (!jurisdiction.isEmpty()) {
      // without one, the validation refuses it (400) before anything is stored
      access.requireKeeper(caller, jurisdiction);
    }
    Provider created = directory.create(document, caller.getUserId(), access.served());
    return ResponseEntity.created(URI.create("/api/providers/" + created.id())).body(created);
  }

  /** Saves the provider as edited; the body carries the {@code version} it was edited on. */
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Provider update(@PathVariable String id, HttpServletRequest request) throws IOException {
    Authentication caller = caller();
    keptBy(caller, id);
    JsonNode document = body(request);
    return directory.update(id, version(document), document, caller.getUserId(), access.served());
  }

  /** {@code {"version": 3, "reason": "…"}}: out of the lists for new referrals; its history stays. */
  @PostMapping(path = "/{id}/deactivation", consumes = MediaType.APPLICATION_JSON_VALUE)
  Provider deactivate(@PathVariable String id, HttpServletRequest request) throws IOException {
    Authentication caller = caller();
    keptBy(caller, id);
    JsonNode body = body(request);
    String reason = body.path("reason").asText("").strip();
    if (reason.isEmpty() || reason.length() > 2000) {
      throw ApiException.badRequest(ApiError.withField("El prestador no se desactivó.", "reason",
          "Indique por qué se desactiva (a lo sumo 2000 caracteres)."));
    }
    return directory.deactivate(id, version(body), reason, caller.getUserId());
  }

  /** A provider the caller may change: readable, and of a jurisdiction whose directory they keep. */
  private Provider keptBy(Authentication caller, String id) {
    Provider provider = readable(id);
    access.requireKeeper(caller, provider.jurisdiction());
    return provider;
  }

  /** A provider the caller may read; another jurisdiction's is as absent as one that does not exist. */
  private Provider readable(String id) {
    return directory.find(id).filter(provider -> access.readable(caller()).contains(provider.jurisdiction()))
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, ApiError.of("No hay un prestador " + id + " a su alcance.")));
  }

  private static int version(JsonNode body) {
    if (!body.path("version").canConvertToInt() || !body.path("version").isIntegralNumber()) {
      throw ApiException.badRequest(ApiError.withField("No se guardó nada.", "version",
          "Indique la versión del prestador sobre la que hizo el cambio (la que leyó)."));
    }
    return body.path("version").asInt();
  }

  private static JsonNode body(HttpServletRequest request) throws IOException {
    byte[] bytes = RequestBodies.read(request, MAX_BYTES, "El prestador no se guardó.");
    try {
      JsonNode body = STRICT_JSON.readTree(bytes);
      if (body == null || !body.isObject()) {
        throw ApiException.badRequest(ApiError.of("Envíe un objeto JSON; el directorio no cambió."));
      }
      return body;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(ApiError.of("El cuerpo no es JSON válido (" + e.getOriginalMessage() + "); el directorio no cambió."));
    }
  }

  private Authentication caller() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, ApiError.of("Inicie sesión para consultar el directorio."));
    }
    return caller;
  }
}
