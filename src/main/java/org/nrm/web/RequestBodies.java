package org.nrm.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Request bodies read with a limit: never more than the limit (plus one byte) is read, whatever
 * the client sends or announces, so an oversized body costs no memory.
 */
public final class RequestBodies {

  /** Thrown by a {@link #bounded} stream when the body goes past its limit. */
  public static final class TooLarge extends IOException {
    private final long limit;

    TooLarge(long limit) {
      super("request body over " + limit + " bytes");
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  private RequestBodies() {}

  /**
   * The body as a stream that fails with {@link TooLarge} past {@code limit} bytes. It reads up to
   * the limit even when the announced length is larger, so that a parser can say where the body
   * went too far.
   */
  public static InputStream bounded(HttpServletRequest request, long limit) throws IOException {
    return new Bounded(request.getInputStream(), limit);
  }

  /** The whole body, at most {@code limit} bytes; a 400 in Spanish when it is (or announces to be) larger. */
  public static byte[] read(HttpServletRequest request, long limit, String refusal) throws IOException {
    if (request.getContentLengthLong() > limit) {
      throw ApiException.badRequest(ApiError.withField(refusal, "", tooLarge(limit)));
    }
    try (InputStream in = bounded(request, limit)) {
      return in.readAllBytes();
    } catch (TooLarge e) {
      throw ApiException.badRequest(ApiError.withField(refusal, "", tooLarge(limit)));
    }
  }

  /** The Spanish reason for a body over the limit. */
  public static String tooLarge(long limit) {
    String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB"
        : limit % 1024 == 0 ? limit / 1024 + " KiB" : limit + " bytes";
    return "el cuerpo no puede tener más de " + size;
  }

  private static final class Bounded extends FilterInputStream {
    private final long limit;
    private long read;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, limit - read + 1));
      count(skipped);
      return skipped;
    }

    private void count(long n) throws TooLarge {
      read += n;
      if (read > limit) {
        throw new TooLarge(limit);
      }
    }
  }
}
