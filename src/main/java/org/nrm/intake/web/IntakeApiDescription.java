package org.nrm.intake.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nrm.intake.IntakeSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import static org.nrm.web.ApiDescriptionConfiguration.errorResponse;

/**
 * Describes the intake API: the request body is the intake's JSON Schema itself, the one the
 * validator checks every intake against (so the description states every bound it enforces), with
 * examples of a child, an adult and a smuggled migrant.
 */
@Component
class IntakeApiDescription implements OpenApiCustomizer {

  static final String INTAKE_SCHEMA = "Intake";
  static final String CASE_SCHEMA = "OpenedCase";

  /** The examples, by name: resource and summary. */
  private static final Map<String, String[]> EXAMPLES = examples();

  private final ObjectMapper json = new ObjectMapper();

  static final String TAG = "Casos";

  @Override
  public void customise(OpenAPI api) {
    api.addTagsItem(new Tag().name(TAG).description("Abrir un caso con la entrevista única y consultarlo."));
    api.getComponents().addSchemas(INTAKE_SCHEMA, intakeSchema());
    api.getComponents().addSchemas(CASE_SCHEMA, new ObjectSchema().description("Un caso abierto.")
        .addProperty("caseId", new StringSchema().description("Número del caso: <jurisdicción>-<año>-<secuencia>, p. ej. CR-2026-000123."))
        .addProperty("processInstanceId", new StringSchema().description("Instancia del proceso NrmCaseProcess.")));
    var cases = api.getPaths().get("/api/cases");
    if (cases != null && cases.getPost() != null) {
      describeOpening(cases.getPost());
    }
    var oneCase = api.getPaths().get("/api/cases/{caseId}");
    if (oneCase != null && oneCase.getGet() != null) {
      oneCase.getGet().tags(List.of(TAG)).summary("Consultar un caso").description("El caso, si el usuario puede verlo (coordinación de su jurisdicción).")
          .responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("El caso.").content(caseContent()))
              .addApiResponse("400", errorResponse("El número de caso no es válido."))
              .addApiResponse("404", errorResponse("No existe el caso o el usuario no puede verlo.")));
    }
  }

  private void describeOpening(Operation post) {
    MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + INTAKE_SCHEMA));
    EXAMPLES.forEach((name, example) -> body.addExamples(name, new Example().summary(example[1]).value(read(example[0]))));
    if (post.getParameters() != null) {
      post.getParameters().stream().filter(parameter -> CaseIntakeController.IDEMPOTENCY_KEY.equals(parameter.getName()))
          .forEach(parameter -> parameter.description("Clave del cliente para reintentar sin duplicar el caso (p. ej. un UUID)")
              .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
    }
    post.tags(List.of(TAG)).summary("Abrir un caso con la entrevista única")
        .description("Valida la entrevista contra el esquema Intake y, si no hay errores, abre el caso: número de caso, identidad "
            + "cifrada aparte y proceso NrmCaseProcess con los demás campos. Un error de cualquier campo rechaza la entrevista "
            + "entera (400, cada campo con su motivo) y no crea nada. El cuerpo no puede pasar de " + IntakeBody.MAX_BYTES / 1024
            + " KiB ni anidar más de " + IntakeBody.MAX_DEPTH + " niveles; no se admiten campos repetidos. Con la cabecera "
            + "Idempotency-Key, un reintento devuelve el primer caso (cabecera Idempotent-Replayed: true).")
        .requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json", body)))
        .responses(new ApiResponses()
            .addApiResponse("201", new ApiResponse().description("Caso abierto; Location: /api/cases/{caseId}.").content(caseContent()))
            .addApiResponse("400", errorResponse("Entrevista rechazada: cada campo con su motivo; no se creó ningún caso."))
            .addApiResponse("403", errorResponse("El usuario no puede abrir casos."))
            .addApiResponse("409", errorResponse("La Idempotency-Key ya se usó con otra solicitud.")));
  }

  /** The schema document as an OpenAPI 3.1 schema (JSON Schema 2020-12 is its dialect). */
  private static Schema<?> intakeSchema() {
    ObjectNode document = IntakeSchema.document();
    document.remove("$schema");
    return Json31.mapper().convertValue(document, Schema.class);
  }

  private static Content caseContent() {
    return new Content().addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + CASE_SCHEMA)));
  }

  private JsonNode read(String resource) {
    try (InputStream in = IntakeApiDescription.class.getClassLoader().getResourceAsStream(resource)) {
      return json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String[]> examples() {
    Map<String, String[]> examples = new LinkedHashMap<>();
    examples.put("nina", new String[] {"api/examples/child.json",
        "Una niña de 15 años captada y acogida para explotación sexual, sin acompañante"});
    examples.put("adulto", new String[] {"api/examples/adult.json",
        "Un hombre de 34 años, engañado y endeudado, en trabajo forzoso"});
    examples.put("migrante-objeto-de-trafico", new String[] {"api/examples/smuggled-migrant.json",
        "Una migrante que pagó por entrar de forma irregular, teme volver y necesita alojamiento"});
    return examples;
  }
}
