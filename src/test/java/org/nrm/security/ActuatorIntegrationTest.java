package org.nrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@NrmIntegrationTest
class ActuatorIntegrationTest {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Test
  void healthReportsTheDatabaseWithoutCredentials() throws Exception {
    ResponseEntity<String> response = rest.getForEntity("/actuator/health", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    var health = json.readTree(response.getBody());
    assertThat(health.at("/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/db/details").isMissingNode())
        .as("anonymous callers get no details").isTrue();
  }

  @Test
  void otherEndpointsNeedCredentials() {
    assertThat(rest.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/actuator", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void metricsAreReadWithCredentials() {
    ResponseEntity<String> response = rest.withBasicAuth("admin", "demo").getForEntity("/actuator/metrics", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void endpointsThatRevealConfigurationAreNotExposed() {
    for (String endpoint : new String[] {"env", "beans", "configprops", "heapdump", "loggers"}) {
      assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/actuator/" + endpoint, String.class).getStatusCode())
          .as(endpoint).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }
}
