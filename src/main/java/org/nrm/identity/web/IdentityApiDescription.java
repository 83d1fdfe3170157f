package org.nrm.identity.web;

import static org.nrm.web.ApiDescriptionConfiguration.errorResponse;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/** Describes the reading of a case's identity. */
@Component
class IdentityApiDescription implements OpenApiCustomizer {

  @Override
  public void customise(OpenAPI api) {
    var identity = api.getPaths().get("/api/cases/{caseId}/identity");
    if (identity != null && identity.getGet() != null) {
      api.addTagsItem(new Tag().name("Identidad").description("Datos de identidad confidenciales, sólo para las tareas que los necesitan."));
      identity.getGet().tags(List.of("Identidad")).summary("La identidad de un caso, para la institución cuya tarea abierta la necesita")
          .description("Cada lectura queda registrada con el usuario y la tarea.")
          .responses(new ApiResponses()
              .addApiResponse("200", new ApiResponse().description("La identidad (campos del bloque identity de la entrevista)."))
              .addApiResponse("400", errorResponse("El número de caso no es válido."))
              .addApiResponse("403", errorResponse("La institución no tiene una tarea abierta del caso que necesite la identidad."))
              .addApiResponse("404", errorResponse("El caso no tiene identidad registrada.")));
    }
  }
}
