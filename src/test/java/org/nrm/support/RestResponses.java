package org.nrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Reading the engine REST API's answers in tests. */
public final class RestResponses {

  private RestResponses() {}

  /** The ids of a successful list answer (tasks, process instances...). */
  public static List<String> ids(ObjectMapper json, ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> ids = new ArrayList<>();
    for (JsonNode item : json.readTree(response.getBody())) {
      ids.add(item.get("id").asText());
    }
    return ids;
  }
}
