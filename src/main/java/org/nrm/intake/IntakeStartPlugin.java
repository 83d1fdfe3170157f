package org.nrm.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.nrm.engine.ParseListeners;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.json.SpinJsonNode;
import org.nrm.identity.IdentityFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The single interview from Tasklist's start form gets what the intake API gives: the same
 * validation (a Spanish message per field, nothing started when anything is wrong), the same
 * normalised variables, and a case number. Starts through {@link IntakeService} are validated
 * already and pass a transient marker. Runs before the identity guard, which needs the number.
 */
@Component
@Order(0)
class IntakeStartPlugin extends AbstractProcessEnginePlugin {

  static final String VALIDATED_MARKER = "intakeValidated";

  private final String processKey;
  private final IntakeService intake;
  private final CaseNumbers caseNumbers;
  private final ObjectMapper json;

  IntakeStartPlugin(@Value("${nrm.intake.process-key:NrmCaseProcess}") String processKey, @Lazy IntakeService intake,
      @Lazy CaseNumbers caseNumbers, ObjectMapper json) {
    this.processKey = processKey;
    this.intake = intake;
    this.caseNumbers = caseNumbers;
    this.json = json;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.register(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
        if (process.getKey().equals(processKey)) {
          process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) IntakeStartPlugin.this::validateAndNumber);
        }
      }
    });
  }

  private void validateAndNumber(DelegateExecution execution) {
    if (execution.getVariableNames().contains(VALIDATED_MARKER)) {
      execution.removeVariable(VALIDATED_MARKER);
      return;
    }
    ObjectNode submitted = JsonNodeFactory.instance.objectNode();
    execution.getVariables().forEach((name, value) -> {
      if (!IdentityFields.isIdentity(name)) {
        submitted.set(name, value instanceof SpinJsonNode spin ? readTree(spin.toString()) : json.valueToTree(value));
      }
    });
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();
    List<IntakeValidator.FieldError> errors = intake.validate(submitted, normalised);
    if (!errors.isEmpty()) {
      throw new ProcessEngineException("La entrevista tiene errores; no se creó ningún caso. " + errors.stream()
          .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
    }
    Map<String, Object> variables = IntakeService.variables(normalised);
    execution.getVariableNames().stream().filter(name -> !IdentityFields.isIdentity(name) && !variables.containsKey(name))
        .toList().forEach(execution::removeVariable);
    execution.setVariables(variables);
    execution.setProcessBusinessKey(caseNumbers.next(normalised.get("jurisdiction").asText(),
        OffsetDateTime.now(Clock.systemUTC()).getYear()));
  }

  private com.fasterxml.jackson.databind.JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
