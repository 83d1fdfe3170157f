package org.nrm.repatriation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network between two deployments, which can lose an answer: every request is passed on to
 * the other deployment and its answer passed back, except, when asked, the next answer, which is
 * dropped after the other side has acted on the request (the sender sees a 502 from a gateway).
 */
final class LossyProxy implements AutoCloseable {

  private static final List<String> PASSED_HEADERS = List.of("Authorization", "Content-Type", "Accept");

  private final HttpServer server;
  private final AtomicBoolean loseNextAnswer = new AtomicBoolean();
  private final AtomicInteger lost = new AtomicInteger();

  private LossyProxy(HttpServer server) {
    this.server = server;
  }

  static LossyProxy to(int targetPort) throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    LossyProxy proxy = new LossyProxy(server);
    server.createContext("/", exchange -> proxy.pass(exchange, client, targetPort));
    server.start();
    return proxy;
  }

  int port() {
    return server.getAddress().getPort();
  }

  void loseNextAnswer() {
    loseNextAnswer.set(true);
  }

  int answersLost() {
    return lost.get();
  }

  private void pass(HttpExchange exchange, HttpClient client, int targetPort) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + targetPort + exchange.getRequestURI()))
          .timeout(Duration.ofSeconds(60))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
      for (String header : PASSED_HEADERS) {
        String value = exchange.getRequestHeaders().getFirst(header);
        if (value != null) {
          request.header(header, value);
        }
      }
      HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (loseNextAnswer.compareAndSet(true, false)) {
        lost.incrementAndGet();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      if (answer.body().length > 0) {
        exchange.getResponseBody().write(answer.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
