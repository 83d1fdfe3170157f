package org.nrm.intake.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.nrm.web.RequestBodies;

/**
 * The intake's request body as JSON, read within bounds: at most {@value #MAX_BYTES} bytes (read
 * with a limit, never buffered whole), {@value #MAX_DEPTH} levels of nesting, numbers of at most
 * {@value #MAX_NUMBER_LENGTH} characters, no duplicated keys, one JSON value. What breaks a bound is
 * a 400 naming the field where the parser was when it broke.
 */
final class IntakeBody {

  /** An intake is a few KiB; the largest valid one (every text at its bound) is under 16 KiB. */
  static final int MAX_BYTES = 64 * 1024;
  /** The intake nests three levels (the body, needs, its fields); lists one more. */
  static final int MAX_DEPTH = 16;
  static final int MAX_NUMBER_LENGTH = 40;

  private static final String NOT_READ = "El cuerpo no es JSON válido o excede sus límites; no se creó ningún caso.";
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);

  private static final ObjectMapper STRICT_JSON = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .build())
          .build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private IntakeBody() {}

  static JsonNode read(HttpServletRequest request) throws IOException {
    JsonParser parser = null;
    try (InputStream in = RequestBodies.bounded(request, MAX_BYTES)) {
      parser = STRICT_JSON.createParser(in);
      JsonNode body = STRICT_JSON.readTree(parser);
      if (body == null || body.isMissingNode()) {
        throw refused("", "el cuerpo está vacío: envíe la entrevista como un objeto JSON");
      }
      if (parser.nextToken() != null) {
        throw refused("", "hay contenido después del objeto JSON de la entrevista");
      }
      return body;
    } catch (RequestBodies.TooLarge e) {
      return tooLarge(parser);
    } catch (StreamConstraintsException e) {
      String message = e.getOriginalMessage();
      String field = field(parser.getParsingContext(), true);
      // too deep: the field that holds the nesting, not the innermost of its thousand lists
      throw refused(message.contains("nesting depth") ? withoutIndices(field) : field, message.contains("nesting depth")
          ? "anida objetos o listas a más de " + MAX_DEPTH + " niveles"
          : message.contains("Number value length")
              ? "es un número de más de " + MAX_NUMBER_LENGTH + " caracteres"
              : "excede los límites del formato JSON");
    } catch (JsonProcessingException e) {
      Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
      if (duplicate.matches() && parser != null) {
        throw refused(join(field(parser.getParsingContext(), false), duplicate.group(1)), "campo repetido: cada campo va una sola vez");
      }
      throw refused("", "no es JSON válido" + (e.getLocation() == null ? ""
          : " (línea " + e.getLocation().getLineNr() + ", columna " + e.getLocation().getColumnNr() + ")"));
    }
  }

  /** The body went past its limit: the field being read then is the one too long (a list: the list). */
  private static JsonNode tooLarge(JsonParser parser) {
    String field = parser == null ? "" : withoutIndices(field(parser.getParsingContext(), true));
    throw ApiException.badRequest(ApiError.withField("El cuerpo es demasiado grande; no se creó ningún caso.", field,
        (field.isEmpty() ? "" : "es demasiado largo: ") + RequestBodies.tooLarge(MAX_BYTES)));
  }

  /** The API's name of where the parser is: {@code needs.shelter}, {@code languages[3]}. */
  private static String field(JsonStreamContext context, boolean withInnermostName) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext level = context; level != null && !level.inRoot(); level = level.getParent()) {
      if (level.inArray()) {
        parts.push("[" + Math.max(0, level.getCurrentIndex()) + "]");
      } else if (level.getCurrentName() != null && (withInnermostName || level != context)) {
        parts.push("." + level.getCurrentName());
      }
    }
    String field = String.join("", parts);
    return field.startsWith(".") ? field.substring(1) : field;
  }

  /** A list's items named as the list: {@code languages[13000]} is {@code languages}. */
  private static String withoutIndices(String field) {
    return field.replaceAll("(\\[\\d+])+$", "");
  }

  private static String join(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  private static ApiException refused(String field, String message) {
    return ApiException.badRequest(ApiError.withField(NOT_READ, field, message));
  }
}
