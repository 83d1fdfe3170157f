package org.nrm.institutions;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateCaseExecution;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * Puts every case in the tenant of its jurisdiction. The models are shared definitions (one
 * deployment without tenant id serves every jurisdiction), so the engine asks this provider for
 * each new instance of them. An instance started by a call activity stays in its caller's tenant
 * whatever variables it receives: the engine hands a caller's tenant down by itself and asks here
 * only when the caller has none, which the sub-process then keeps, so no case moves into another
 * jurisdiction through a call activity. Any other instance takes the tenant of its start variable
 * {@code jurisdiction}, however it starts (intake API, Tasklist start form, message, signal), when
 * that is a jurisdiction this installation serves; otherwise it has no tenant.
 */
final class JurisdictionTenantIdProvider implements TenantIdProvider {

  static final String JURISDICTION_VARIABLE = "jurisdiction";

  private final Set<String> jurisdictions;

  JurisdictionTenantIdProvider(Set<String> jurisdictions) {
    this.jurisdictions = Set.copyOf(jurisdictions);
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    return callerOrJurisdiction(ctx.getSuperExecution(), ctx.getSuperCaseExecution(), ctx.getVariables());
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return callerOrJurisdiction(ctx.getSuperExecution(), ctx.getSuperCaseExecution(), ctx.getVariables());
  }

  /**
   * The engine asks only for decisions evaluated outside any case (an execution's tenant is taken
   * as it is): those belong to no jurisdiction.
   */
  @Override
  public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
    return null;
  }

  private String callerOrJurisdiction(DelegateExecution superExecution, DelegateCaseExecution superCaseExecution,
      VariableMap variables) {
    if (superExecution != null) {
      return superExecution.getTenantId();
    }
    if (superCaseExecution != null) {
      return superCaseExecution.getTenantId();
    }
    Object jurisdiction = variables == null ? null : variables.get(JURISDICTION_VARIABLE);
    return jurisdiction instanceof String code && jurisdictions.contains(code) ? code : null;
  }
}
