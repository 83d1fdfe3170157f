package org.nrm.modelchanges.web;

import static org.nrm.web.ApiDescriptionConfiguration.errorResponse;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Describes the record of changes to the mechanism's models. */
@Component
class ModelChangeApiDescription implements OpenApiCustomizer {

  private static final String TAG = "Cambios del mecanismo";

  @Override
  public void customise(OpenAPI api) {
    api.addTagsItem(new Tag().name(TAG).description("Quién desplegó o migró qué, cuándo y por qué."));
    var changes = api.getPaths().get("/api/model-changes");
    if (changes != null && changes.getGet() != null) {
      changes.getGet().tags(List.of(TAG)).summary("El registro de cambios, del más reciente al más antiguo (coordinación y"
              + " administradores)")
          .description("Cada despliegue (modelos, formularios, reglas), aceptado (done) o rechazado (refused), y cada migración"
              + " de casos en curso: quién (changedBy; system para el producto al iniciar), cuándo, por qué (reason: el nombre"
              + " del despliegue desde Camunda Modeler, o el comentario), y qué (details: los recursos con su SHA-256 y si son"
              + " nuevos, cambiados o iguales; los problemas de un rechazo; el plan de una migración). limit: de 1 a "
              + ModelChangeController.MAX_LIMIT + ", 100 si falta.")
          .responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("Los cambios, del más reciente al más antiguo."))
              .addApiResponse("400", errorResponse("limit no es un número entre 1 y " + ModelChangeController.MAX_LIMIT + "."))
              .addApiResponse("403", errorResponse("El usuario no es de coordinación ni administrador.")));
    }
  }
}
