package org.nrm.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with one of Camunda's webapps (tasklist, cockpit, admin), through the webapps'
 * own API as the apps call it: the session cookie, and the anti-CSRF token every request but a GET
 * sends back as a header.
 */
public final class WebappSession {

  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  private final int port;
  private final String application;

  private WebappSession(int port, String application) {
    this.port = port;
    this.application = application;
  }

  /** The first visit of the app's page, which sets the anti-CSRF cookie. */
  public static WebappSession open(int port, String application) throws IOException, InterruptedException {
    WebappSession session = new WebappSession(port, application);
    session.browser.send(HttpRequest.newBuilder(session.url("/camunda/app/" + application + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    return session;
  }

  /** The log-in form's request; its HTTP status. */
  public int logIn(String userId, String password) throws IOException, InterruptedException {
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(url("/camunda/api/admin/auth/user/default/login/" + application))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(userId) + "&password=" + encode(password))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() == 200) {
      // as the app does once logged in: the new session's first request gets it a new anti-CSRF token
      browser.send(HttpRequest.newBuilder(url("/camunda/api/engine/engine/default/user/" + encode(userId) + "/profile")).build(),
          HttpResponse.BodyHandlers.discarding());
    }
    return login.statusCode();
  }

  /** A JSON request to the webapps' API. */
  public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(url(path))
        .header("Content-Type", "application/json").header("Accept", "application/json").header("X-XSRF-TOKEN", csrfToken())
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A read of any path with the session, as a page of the webapp makes it. */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return browser.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String csrfToken() {
    return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElse("");
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
