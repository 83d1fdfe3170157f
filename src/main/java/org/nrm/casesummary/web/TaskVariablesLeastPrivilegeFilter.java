package org.nrm.casesummary.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.nrm.web.WebCaller;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Least privilege for the variables of a task: Camunda lets whoever may read a task read every
 * variable of its case through it ({@code /task/{id}/variables}, {@code /task/{id}/form-variables}).
 * For an institution, those answers keep only the task's own variables (its case summary, its card)
 * and the fields of its form (with the variables its expressions and templates read); coordination
 * and administrators, who read whole cases in Cockpit, get them whole. The engine's own
 * authorization runs first: a task the caller may not read is refused as before.
 */
class TaskVariablesLeastPrivilegeFilter extends OncePerRequestFilter {

  private static final Pattern ALL_VARIABLES = Pattern.compile(".*/task/([^/]+)/(?:form-variables|variables)$");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern ONE_VARIABLE = Pattern.compile(".*/task/([^/]+)/variables/([^/]+?)(?:/data)?$");

  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final ObjectMapper json;
  private final List<String> readingWholeCases;

  TaskVariablesLeastPrivilegeFilter(TaskService tasks, FormService forms, IdentityService identity, ObjectMapper json,
      List<String> readingWholeCases) {
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.json = json;
    this.readingWholeCases = readingWholeCases;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !"GET".equals(request.getMethod()) || !(ALL_VARIABLES.matcher(path).matches() || ONE_VARIABLE.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    Optional<WebCaller> caller = WebCaller.of(request, identity);
    if (buffered.getStatus() != 200 || caller.isEmpty() || caller.get().isMemberOfAny(readingWholeCases)) {
      buffered.copyBodyToResponse();
      return;
    }
    Matcher all = ALL_VARIABLES.matcher(request.getRequestURI());
    if (all.matches()) {
      byte[] body = onlyTheTasks(buffered.getContentAsByteArray(), shownBy(all.group(1)));
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
      return;
    }
    Matcher one = ONE_VARIABLE.matcher(request.getRequestURI());
    one.matches();
    if (shownBy(one.group(1)).contains(one.group(2))) {
      buffered.copyBodyToResponse();
      return;
    }
    byte[] refusal = json.writeValueAsBytes(Map.of("type", "AuthorizationException", "message",
        "Esta tarea no muestra la variable «" + one.group(2) + "»: cada institución ve del caso lo que su tarea necesita."));
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("application/json");
    response.setContentLength(refusal.length);
    response.getOutputStream().write(refusal);
  }

  private byte[] onlyTheTasks(byte[] body, Set<String> shown) throws IOException {
    JsonNode variables = json.readTree(body);
    if (variables instanceof ObjectNode object) {
      object.retain(shown);
      return json.writeValueAsBytes(object);
    }
    return body;
  }

  /** The task's own variables and its form's fields. Read by the engine, after the caller was allowed to read the task. */
  private Set<String> shownBy(String taskId) throws IOException {
    Set<String> shown = new HashSet<>(tasks.getVariablesLocalTyped(taskId, false).keySet());
    try (InputStream form = forms.getDeployedTaskForm(taskId)) {
      shown.addAll(shownBy(json.readTree(form)));
    } catch (ProcessEngineException noDeployedForm) {
      // a task without a Camunda Form, or whose form cannot be found: its own variables only
    }
    return shown;
  }

  /** What a form shows: its fields, and the variables its expressions and templates read. */
  static Set<String> shownBy(JsonNode form) {
    Set<String> shown = new HashSet<>();
    fieldsOf(form.path("components"), shown);
    return shown;
  }

  /** The fields of the form's components, and the variables their expressions and templates read. */
  private static void fieldsOf(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      for (String property : List.of("key", "valuesKey", "path")) {
        if (component.hasNonNull(property)) {
          fields.add(component.get(property).asText().split("\\.")[0]);
        }
      }
      component.fields().forEachRemaining(property -> {
        if (!property.getKey().equals("components")) {
          readBy(property.getValue(), fields);
        }
      });
      fieldsOf(component.path("components"), fields);
    }
  }

  /** Names in a FEEL expression ("=…") or a template ("{{…}}"): a name that is no variable allows nothing. */
  private static void readBy(JsonNode value, Set<String> fields) {
    if (value.isContainerNode()) {
      value.forEach(inner -> readBy(inner, fields));
      return;
    }
    String text = value.asText("");
    List<String> parts = new ArrayList<>();
    if (text.startsWith("=")) {
      parts.add(text);
    }
    Matcher template = TEMPLATE.matcher(text);
    while (template.find()) {
      parts.add(template.group(1));
    }
    for (String part : parts) {
      Matcher name = NAME.matcher(part);
      while (name.find()) {
        fields.add(name.group());
      }
    }
  }
}
