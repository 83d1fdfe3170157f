package org.nrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nrm.support.NrmIntegrationTest;
import org.nrm.support.WebappSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Logging in to Tasklist, Cockpit and Admin as a person does, through the webapps' own API. */
@NrmIntegrationTest
class WebappLoginIntegrationTest {

  @LocalServerPort int port;

  @ParameterizedTest(name = "{0} logs in to {1}: HTTP {3}")
  @CsvSource({
      "police.cr,           tasklist, demo,  200",
      "police.cr,           cockpit,  demo,  403",
      "police.cr,           admin,    demo,  403",
      "child-protection.cr, tasklist, demo,  200",
      "coordination.cr,     cockpit,  demo,  200",
      "coordination.cr,     admin,    demo,  403",
      "analysts.cr,         cockpit,  demo,  200",
      "admin,               admin,    demo,  200",
      // a failed log-in delays the user's next attempts: a user no other test signs in with
      "shelter.cr,          tasklist, wrong, 401",
  })
  void eachUserLogsInToTheApplicationsOfTheirRole(String userId, String application, String password, int status)
      throws Exception {
    assertThat(WebappSession.open(port, application).logIn(userId, password)).isEqualTo(status);
  }
}
