package org.nrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nrm.support.NrmIntegrationTest;
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
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    // the first visit sets the anti-CSRF cookie that the login form sends back as a header
    browser.send(HttpRequest.newBuilder(url("/camunda/app/" + application + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String csrfToken = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();

    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + application))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(userId) + "&password=" + encode(password)))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(status);
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
