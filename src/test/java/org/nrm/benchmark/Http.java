package org.nrm.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP to the product: basic authentication for the APIs, and webapp sessions (Tasklist, Cockpit)
 * logged in as a person is, with the session cookie and the anti-CSRF header.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HAL = "application/hal+json, application/json; q=0.5";

  /** An answer, and how long it took from sending to the last byte. */
  record Answer(int status, String body, long nanos) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (HTTP " + status + "): " + body.substring(0, Math.min(200, body.length())), e);
      }
    }
  }

  private final URI base;
  private final Duration timeout;
  private final HttpClient client;

  Http(URI base, Duration timeout) {
    this(base, timeout, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build());
  }

  private Http(URI base, Duration timeout, HttpClient client) {
    this.base = base;
    this.timeout = timeout;
    this.client = client;
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout);
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request as {@code user} (password {@code demo}) with basic authentication. */
  HttpRequest.Builder as(String user, String path) {
    return request(path).header("Authorization", basic(user, "demo"));
  }

  static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Answer send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      // a time-out or a broken connection: counted as a failure of its own kind, never as fast
      return new Answer(e instanceof java.net.http.HttpTimeoutException ? 598 : 599, e.toString(), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends and insists on success: for the benchmark's own set-up, where a failure means it cannot measure. */
  JsonNode expect(HttpRequest request) {
    Answer answer = send(request);
    if (!answer.ok()) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": HTTP " + answer.status() + " " + answer.body());
    }
    return answer.body().isEmpty() ? JSON.nullNode() : answer.json();
  }

  /** Logs in to a webapp (tasklist, cockpit, admin) as a person does; the session keeps its cookies. */
  Session login(String application, String user, String password) {
    CookieManager cookies = new CookieManager();
    Http browser = new Http(base, timeout, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies).build());
    // the first visit sets the anti-CSRF cookie that every later request sends back as a header
    browser.send(browser.request("/camunda/app/" + application + "/default/").build());
    Session session = new Session(browser, cookies);
    Answer login = browser.send(session.withToken(browser.request("/camunda/api/admin/auth/user/default/login/" + application))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=" + encode(password))).build());
    if (!login.ok()) {
      throw new IllegalStateException(user + " could not log in to " + application + ": HTTP " + login.status());
    }
    // as the app does once logged in: the first request of the new session (the log-in replaced the
    // session) gets it a new anti-CSRF token; without it, the next requests are refused
    Answer profile = browser.send(session.request("/camunda/api/engine/engine/default/user/" + encode(user) + "/profile").GET().build());
    if (!profile.ok()) {
      throw new IllegalStateException(user + " logged in to " + application + " but cannot read their profile: HTTP " + profile.status());
    }
    return session;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A webapp session: requests carry its cookies and its XSRF token. */
  record Session(Http http, CookieManager cookies) {

    HttpRequest.Builder request(String path) {
      return withToken(http.request(path));
    }

    HttpRequest.Builder withToken(HttpRequest.Builder request) {
      return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().map(token -> request.header("X-XSRF-TOKEN", token)).orElse(request);
    }

    Answer send(HttpRequest request) {
      return http.send(request);
    }
  }
}
