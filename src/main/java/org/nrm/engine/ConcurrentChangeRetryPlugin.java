package org.nrm.engine;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Two institutions acting on one case at once (two referrals delivered together, each ending its
 * branch of the case's parallel referrals) make the engine refuse the second with an optimistic
 * locking conflict: the first changed the case meanwhile. The second's transaction was rolled back
 * whole, so doing it again on the case as it is now is safe and is what the person meant. This
 * interceptor, outside the engine's transaction, does it again a few times, after a short random
 * pause, for the commands people and other mechanisms send (completing, claiming, submitting a
 * form, setting variables, a message from another country); never for a command inside another
 * command or inside a transaction of the caller, which must see the conflict itself. If the
 * conflicts go on, the last one is thrown, and the API answers it in Spanish
 * ({@link EngineRestFailures}).
 */
@Component
class ConcurrentChangeRetryPlugin extends AbstractProcessEnginePlugin {

  static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(ConcurrentChangeRetryPlugin.class);
  private static final Set<String> RETRIED = Set.of("CompleteTaskCmd", "SubmitTaskFormCmd", "ClaimTaskCmd", "SetTaskVariablesCmd",
      "ResolveTaskCmd", "DelegateTaskCmd", "SetExecutionVariablesCmd", "CorrelateMessageCmd", "CorrelateAllMessageCmd");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandInterceptors.beforeTheTransaction(configuration).add(0, new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (!RETRIED.contains(command.getClass().getSimpleName()) || Context.getCommandContext() != null
            || TransactionSynchronizationManager.isActualTransactionActive()) {
          return next.execute(command);
        }
        for (int attempt = 1; ; attempt++) {
          try {
            return next.execute(command);
          } catch (OptimisticLockingException conflict) {
            if (attempt == ATTEMPTS) {
              throw conflict;
            }
            LOG.debug("{} met a concurrent change (attempt {}); doing it again", command.getClass().getSimpleName(), attempt);
            pause(attempt);
          }
        }
      }
    });
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10, 40) * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
