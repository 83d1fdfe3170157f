package org.nrm.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A task listener that refuses what a task was completed with throws a form field validation
 * exception with the field and the reason in Spanish; the engine wraps it twice ("There was an
 * exception while invoking the TaskListener"), which the engine REST API and Tasklist's own API
 * then answer 500. Outside the transaction (rolled back already, nothing changed), this gives back
 * the refusal itself, which both answer 400 with its message.
 */
@Component
class RefusalsUnwrappedPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptors.beforeTheTransaction(configuration).add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        try {
          return next.execute(command);
        } catch (RuntimeException failure) {
          throw refusalIn(failure);
        }
      }
    });
  }

  /** The refusal the failure wraps, or the failure as it is. */
  static RuntimeException refusalIn(RuntimeException failure) {
    for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
    }
    return failure;
  }
}
