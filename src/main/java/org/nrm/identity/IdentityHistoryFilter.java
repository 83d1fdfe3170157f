package org.nrm.identity;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/** Drops every history event of an identity variable before the engine writes it. */
final class IdentityHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler delegate;

  IdentityHistoryFilter(HistoryEventHandler delegate) {
    this.delegate = delegate;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isAboutIdentity(event)) {
      delegate.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    delegate.handleEvents(events.stream().filter(event -> !isAboutIdentity(event)).toList());
  }

  private static boolean isAboutIdentity(HistoryEvent event) {
    return (event instanceof HistoricVariableUpdateEventEntity variable && IdentityFields.isIdentity(variable.getVariableName()))
        || (event instanceof HistoricFormPropertyEventEntity property && IdentityFields.isIdentity(property.getPropertyId()));
  }
}
