package org.nrm.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** The engine's command interceptors that the product's plugins add. */
public final class CommandInterceptors {

  private CommandInterceptors() {}

  /** The interceptors run around each command before its transaction begins (created when none was set). */
  public static List<CommandInterceptor> beforeTheTransaction(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    return configuration.getCustomPreCommandInterceptorsTxRequired();
  }
}
