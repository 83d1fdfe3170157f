package org.nrm.repatriation;

import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultWithVariables;
import org.springframework.stereotype.Component;

/**
 * An answer between countries delivered to a case that has it already (its sender's retry after a
 * lost answer, or coordination resending it) is refused with {@link MessageAlreadyReceivedException}
 * (409 {@code MessageAlreadyReceived} through the engine REST API), which the sender takes as
 * delivered, instead of Camunda's "no execution matches", which would fail the sender's job until it
 * became an incident. Every message correlation goes through this runtime service, whichever way
 * it comes: the engine REST API, the messenger of this deployment, a test.
 */
@Component
class RepeatedAnswersPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ReceivedAnswers received = new ReceivedAnswers(configuration);
    configuration.setRuntimeService(new RuntimeServiceImpl() {
      @Override
      public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
        return new AnswerCorrelation(commandExecutor, messageName, received);
      }
    });
  }

  /**
   * Camunda's correlation, which first asks {@link ReceivedAnswers} whether the answer is a repeated
   * one: asked before, so that no failed command marks the caller's transaction for rollback.
   */
  private static final class AnswerCorrelation extends MessageCorrelationBuilderImpl {

    private final ReceivedAnswers received;

    AnswerCorrelation(CommandExecutor commands, String messageName, ReceivedAnswers received) {
      super(commands, messageName);
      this.received = received;
    }

    @Override
    public void correlate() {
      refuseARepeatedAnswer();
      super.correlate();
    }

    @Override
    public MessageCorrelationResult correlateWithResult() {
      refuseARepeatedAnswer();
      return super.correlateWithResult();
    }

    @Override
    public MessageCorrelationResultWithVariables correlateWithResultAndVariables(boolean deserializeValues) {
      refuseARepeatedAnswer();
      return super.correlateWithResultAndVariables(deserializeValues);
    }

    private void refuseARepeatedAnswer() {
      received.repeated(this).ifPresent(caseId -> {
        throw new MessageAlreadyReceivedException(getMessageName(), caseId);
      });
    }
  }
}
