package org.nrm.identity.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.nrm.identity.IdentityAccessPolicy;
import org.nrm.identity.IdentityFields;
import org.nrm.identity.IdentityVault;
import org.nrm.web.WebCaller;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Shows the identity in the Tasklist forms of the tasks that need it, without it ever becoming a
 * process variable: when a user whose institution holds such a task loads its form variables, the
 * {@code identity_*} fields are added to the response from the vault (the read is recorded). What
 * the form sends back is taken out again by the identity guard.
 */
class IdentityFormVariablesFilter extends OncePerRequestFilter {

  private static final Pattern FORM_VARIABLES = Pattern.compile(".*/task/([^/]+)/form-variables$");

  private final IdentityVault vault;
  private final IdentityAccessPolicy policy;
  private final TaskService tasks;
  private final CommandExecutor commands;
  private final IdentityService identity;
  private final ObjectMapper json;

  IdentityFormVariablesFilter(IdentityVault vault, IdentityAccessPolicy policy, TaskService tasks,
      CommandExecutor commands, IdentityService identity, ObjectMapper json) {
    this.vault = vault;
    this.policy = policy;
    this.tasks = tasks;
    this.commands = commands;
    this.identity = identity;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<WebCaller> caller = WebCaller.of(request, identity);
    ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, buffered);
    byte[] body = buffered.getContentAsByteArray();
    if (buffered.getStatus() == 200 && caller.isPresent()) {
      Matcher matcher = FORM_VARIABLES.matcher(request.getRequestURI());
      matcher.matches();
      body = withIdentity(body, matcher.group(1), caller.get());
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private byte[] withIdentity(byte[] body, String taskId, WebCaller caller) throws IOException {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return body;
    }
    String caseId = businessKeyOf(task);
    boolean entitled = caseId != null && policy.taskNeedingIdentity(caseId, caller.userId(), caller.groupIds())
        .filter(needing -> needing.getId().equals(taskId)).isPresent();
    if (!entitled) {
      return body;
    }
    JsonNode variables = json.readTree(body);
    Optional<Map<String, String>> fields = vault.read(caseId, caller.userId(), "Tarea: " + task.getName())
        .map(record -> json.convertValue(record, json.getTypeFactory().constructMapType(Map.class, String.class, String.class)));
    if (fields.isEmpty() || !(variables instanceof ObjectNode form)) {
      return body;
    }
    fields.get().forEach((field, value) -> {
      ObjectNode variable = form.putObject(IdentityFields.PREFIX + field);
      variable.put("type", "String").put("value", value);
      variable.putObject("valueInfo");
    });
    return json.writeValueAsBytes(form);
  }

  /** The case number of the task's process: a system lookup, since institutions read tasks, not processes. */
  private String businessKeyOf(Task task) {
    return commands.execute(context -> {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(task.getProcessInstanceId());
      return instance == null ? null : instance.getBusinessKey();
    });
  }
}
