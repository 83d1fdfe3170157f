package org.nrm.rules.web;

import static org.nrm.web.ApiDescriptionConfiguration.errorResponse;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Describes the replacement of the decision rules. */
@Component
class RuleSetApiDescription implements OpenApiCustomizer {

  private static final String TAG = "Reglas";

  @Override
  public void customise(OpenAPI api) {
    api.addTagsItem(new Tag().name(TAG).description("Las reglas de decisión en uso y su reemplazo sin recompilar."));
    var ruleSets = api.getPaths().get("/api/rule-sets");
    if (ruleSets != null && ruleSets.getPost() != null) {
      MediaType zip = new MediaType().schema(new BinarySchema());
      ruleSets.getPost().tags(List.of(TAG)).summary("Reemplazar las reglas de decisión (grupo analysts)")
          .description("Un ZIP de la carpeta rules/ (<dominio>/*.drl y deadlines.yml), con el parámetro comment: por qué"
              + " se reemplazan (al menos 10 caracteres; queda en el registro de cambios, /api/model-changes). Como mucho "
              + RuleSetArchive.MAX_BYTES / (1024 * 1024) + " MiB, " + RuleSetArchive.MAX_ENTRIES
              + " entradas y " + RuleSetArchive.MAX_BYTES / (1024 * 1024) + " MiB descomprimido. Sólo un conjunto que compila "
              + "se guarda y entra en uso; uno rechazado deja las reglas en uso como estaban.")
          .requestBody(new RequestBody().required(true).content(new Content()
              .addMediaType("application/zip", zip).addMediaType("application/octet-stream", zip)))
          .responses(new ApiResponses()
              .addApiResponse("201", new ApiResponse().description("El nuevo conjunto de reglas, en uso."))
              .addApiResponse("400", errorResponse("Sin comment, o ZIP o reglas rechazados (details: los mensajes del compilador)."))
              .addApiResponse("403", errorResponse("El usuario no es del grupo analysts.")));
    }
    var active = api.getPaths().get("/api/rule-sets/active");
    if (active != null && active.getGet() != null) {
      active.getGet().tags(List.of(TAG)).summary("El conjunto de reglas en uso: versión, archivos y nombres de las reglas por dominio");
    }
  }
}
