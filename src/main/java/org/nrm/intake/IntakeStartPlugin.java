package org.nrm.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.nrm.engine.ParseListeners;
import org.nrm.engine.VariableJson;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.nrm.identity.IdentityFields;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The single interview from Tasklist's start form gets what the intake API gives: the same
 * validation (a Spanish message per field, nothing started when anything is wrong), the same
 * normalised variables, and a case number. Starts through {@link IntakeService} are validated
 * already (a flag of the starting thread). Runs before the identity guard, which needs the number.
 */
@Component
@Order(0)
class IntakeStartPlugin extends AbstractProcessEnginePlugin {

  private final String processKey;
  private final IntakeService intake;

  IntakeStartPlugin(@Value("${nrm.intake.process-key:NrmCaseProcess}") String processKey, @Lazy IntakeService intake) {
    this.processKey = processKey;
    this.intake = intake;
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
    if (IntakeService.opensValidatedIntake()) {
      return;
    }
    ObjectNode submitted = VariableJson.of(execution.getVariables(), name -> !IdentityFields.isIdentity(name));
    ObjectNode normalised = JsonNodeFactory.instance.objectNode();
    List<IntakeValidator.FieldError> errors = intake.validate(submitted, normalised);
    if (!errors.isEmpty()) {
      // the exception Camunda's REST API answers with 400 for a form (submit-form, complete); any
      // other, BadUserRequestException included, is a 500 there
      throw new FormFieldValidationException(errors, "La entrevista tiene errores; no se creó ningún caso. " + errors.stream()
          .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; ")));
    }
    Map<String, Object> variables = IntakeService.variables(normalised);
    execution.getVariableNames().stream().filter(name -> !IdentityFields.isIdentity(name) && !variables.containsKey(name))
        .toList().forEach(execution::removeVariable);
    execution.setVariables(variables);
    execution.setProcessBusinessKey(intake.nextCaseNumber(normalised.get("jurisdiction").asText()));
  }
}
