package org.nrm.migration.web;

import static org.nrm.web.ApiDescriptionConfiguration.errorResponse;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Describes the migration of running cases to another version of their process. */
@Component
class MigrationApiDescription implements OpenApiCustomizer {

  static final String TAG = "Migraciones";
  static final String REQUEST_SCHEMA = "MigrationRequest";
  private static final String FORBIDDEN = "El usuario no es analista (grupo analysts) ni administrador (grupo camunda-admin).";

  @Override
  public void customise(OpenAPI api) {
    api.addTagsItem(new Tag().name(TAG).description("Mover los casos en curso de una versión de un proceso a otra versión"
        + " (la API de migración de Camunda; sus pantallas de Cockpit son sólo de la edición Enterprise). Analistas y"
        + " administradores. Sólo cuentas e ids de elementos, nunca casos."));
    api.getComponents().addSchemas(REQUEST_SCHEMA, requestSchema());
    var preview = api.getPaths().get("/api/migrations/preview");
    if (preview != null && preview.getPost() != null) {
      describe(preview.getPost(), false).summary("Ver qué movería un plan de migración y qué no puede moverse")
          .description("Arma el plan: las correspondencias de Camunda para los elementos con el mismo id en ambas versiones"
              + " y las suyas (mappings) para los renombrados o movidos. Muestra las instrucciones, cuántos casos hay en la"
              + " versión en curso y en qué elementos (activity: una tarea o actividad; timer: el plazo de un evento de borde),"
              + " los elementos con casos que no tienen a dónde ir y cada problema en español (también el informe de"
              + " validación de Camunda). migratable dice si POST /api/migrations lo ejecutaría. No cambia nada; el"
              + " comentario no hace falta.")
          .responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("El plan y lo que movería.").content(json("MigrationPreview")))
              .addApiResponse("400", errorResponse("Solicitud rechazada: versión desconocida o de otro proceso, elemento que no"
                  + " existe en su versión, campo desconocido o mal formado."))
              .addApiResponse("403", errorResponse(FORBIDDEN)));
    }
    var migrations = api.getPaths().get("/api/migrations");
    if (migrations != null && migrations.getPost() != null) {
      describe(migrations.getPost(), true).summary("Migrar los casos en curso a otra versión (como lote de Camunda)")
          .description("Arma el mismo plan que la vista previa y, si todo caso en curso tiene a dónde ir y Camunda acepta el"
              + " plan, crea el lote (batch) que mueve todos los casos de la versión en curso; su avance se ve en la vista de"
              + " lotes de Cockpit y en GET /api/migrations/{batchId}. Los plazos de los casos se conservan. Se rechaza (400,"
              + " cada motivo con su campo, nada cambia) si un caso quedaría en un elemento que ya no existe sin"
              + " correspondencia, si las versiones son desconocidas o de procesos distintos, si falta el comentario, etc."
              + " Ejecutada o rechazada, la migración queda registrada con quién, cuándo, por qué y qué.")
          .responses(new ApiResponses()
              .addApiResponse("202", new ApiResponse().description("El lote creado y cuántos casos mueve; Location: su avance.")
                  .content(json("MigrationStarted")))
              .addApiResponse("400", errorResponse("Migración rechazada; no se hizo ningún cambio."))
              .addApiResponse("403", errorResponse(FORBIDDEN)));
    }
    var progress = api.getPaths().get("/api/migrations/{batchId}");
    if (progress != null && progress.getGet() != null) {
      progress.getGet().tags(List.of(TAG)).summary("El avance del lote de una migración")
          .description("running (trabajos del lote: total, pendientes y fallidos, que Cockpit muestra como incidentes del lote)"
              + " o done.")
          .responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("El avance.").content(json("MigrationProgress")))
              .addApiResponse("403", errorResponse(FORBIDDEN))
              .addApiResponse("404", errorResponse("No hay una migración con ese lote.")));
    }
  }

  private static Operation describe(Operation operation, boolean commentRequired) {
    MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + REQUEST_SCHEMA))
        .addExamples("renombrada", new Example().summary("Una tarea renombrada y su plazo, a la última versión").value(Map.of(
            "processKey", "NrmCaseProcess",
            "mappings", List.of(Map.of("from", "UserTask_ReviewScreening", "to", "UserTask_ReviewScreeningAndAssist"),
                Map.of("from", "BoundaryEvent_ReviewScreeningOverdue", "to", "BoundaryEvent_ReviewScreeningAndAssistOverdue")),
            "comment", "Añade la verificación de documentos y renombra la revisión del tamizaje")));
    return operation.tags(List.of(TAG)).requestBody(new RequestBody().required(true).description(commentRequired
        ? "El plan; comment es obligatorio." : "El plan; comment no hace falta para la vista previa.")
        .content(new Content().addMediaType("application/json", body)));
  }

  private static Content json(String schema) {
    return new Content().addMediaType("application/json",
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
  }

  private static Schema<?> requestSchema() {
    Schema<?> id = new StringSchema().minLength(1).maxLength(255);
    Schema<?> mapping = new ObjectSchema().additionalProperties(false)
        .addProperty("from", new StringSchema().minLength(1).maxLength(255).description("El id del elemento en la versión en curso."))
        .addProperty("to", new StringSchema().minLength(1).maxLength(255).description("El id del elemento en la versión nueva."))
        .addProperty("updateEventTrigger", new BooleanSchema()._default(false).description("Para un evento que espera (temporizador,"
            + " mensaje): calcularlo de nuevo con la definición nueva. Sin esto un plazo conserva su fecha."))
        .addRequiredItem("from").addRequiredItem("to");
    return new ObjectSchema().additionalProperties(false)
        .description("Qué casos mover y a dónde: la versión en curso por sourceDefinitionId, o por processKey y sourceVersion (sin"
            + " sourceVersion: la única otra versión del proceso con casos en curso); la versión nueva por targetDefinitionId (sin"
            + " él: la última del proceso).")
        .addProperty("sourceDefinitionId", id.description("La definición de proceso de la versión en curso."))
        .addProperty("processKey", new StringSchema().minLength(1).maxLength(255).description("El proceso, p. ej. NrmCaseProcess."))
        .addProperty("sourceVersion", new IntegerSchema().minimum(java.math.BigDecimal.ONE).description("La versión en curso."))
        .addProperty("targetDefinitionId", new StringSchema().minLength(1).maxLength(255)
            .description("La definición de la versión nueva; sin él, la última del proceso."))
        .addProperty("mappings", new ArraySchema().items(mapping).maxItems(200).description("Los elementos renombrados o movidos;"
            + " los demás pasan al elemento con el mismo id. Un evento de borde va con su tarea: mapee los dos."))
        .addProperty("comment", new StringSchema().minLength(10).maxLength(2000).description("Por qué (obligatorio para migrar;"
            + " p. ej. el nombre del despliegue de la versión nueva)."));
  }
}
