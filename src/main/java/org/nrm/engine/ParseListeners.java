package org.nrm.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds behaviour to every deployed model, whoever modelled it, from a plugin's {@code preInit}. */
public final class ParseListeners {

  private ParseListeners() {}

  public static void register(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(listener);
  }
}
