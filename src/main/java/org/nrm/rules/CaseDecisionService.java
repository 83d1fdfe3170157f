package org.nrm.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/**
 * Takes the mechanism's decisions for a case with the active rule set. Thread-safe: the rule set
 * is swapped atomically, and each evaluation uses one rule set from start to end.
 */
public class CaseDecisionService {

  private final AtomicReference<RuleSet> active = new AtomicReference<>();

  public CaseDecisionService() {}

  public CaseDecisionService(RuleSet ruleSet) {
    active.set(ruleSet);
  }

  public void activate(RuleSet ruleSet) {
    active.set(ruleSet);
  }

  public RuleSet active() {
    RuleSet ruleSet = active.get();
    if (ruleSet == null) {
      throw new IllegalStateException("No rule set is active yet");
    }
    return ruleSet;
  }

  /** Every domain, in order, each one reading the decisions of the ones before. */
  public CaseDecisions decideAll(CaseFacts facts) {
    return decide(EnumSet.allOf(DecisionDomain.class), facts, CaseDecisions.none());
  }

  /** One domain, reading the decisions taken before (from the case's variables). */
  public CaseDecisions decide(DecisionDomain domain, CaseFacts facts, CaseDecisions prior) {
    return decide(active(), domain, facts, prior);
  }

  /**
   * Some domains, in their order (whatever the set's), each reading the decisions of the ones
   * before it; the domains not given keep the prior decisions (from the case's variables). The
   * fired rules are those of every domain evaluated, all with one rule set.
   */
  public CaseDecisions decide(Set<DecisionDomain> domains, CaseFacts facts, CaseDecisions prior) {
    RuleSet ruleSet = active();
    CaseDecisions decisions = prior;
    List<String> fired = new ArrayList<>();
    for (DecisionDomain domain : DecisionDomain.values()) {
      if (domains.contains(domain)) {
        decisions = decide(ruleSet, domain, facts, decisions);
        fired.addAll(decisions.firedRules());
      }
    }
    return decisions.withFiredRules(fired);
  }

  private static CaseDecisions decide(RuleSet ruleSet, DecisionDomain domain, CaseFacts facts, CaseDecisions prior) {
    List<String> fired = new ArrayList<>();
    StatelessKieSession session = ruleSet.knowledgeBase(domain).newStatelessKieSession();
    session.addEventListener(new DefaultAgendaEventListener() {
      @Override
      public void afterMatchFired(AfterMatchFiredEvent event) {
        fired.add(event.getMatch().getRule().getName());
      }
    });
    String version = ruleSet.version();
    switch (domain) {
      case SCREENING -> {
        Screening screening = new Screening();
        session.execute(List.of(facts, screening));
        return prior.with(screening, fired, version);
      }
      case RISK -> {
        Risk risk = new Risk();
        session.execute(List.of(facts, prior.screening(), risk));
        return prior.with(risk, fired, version);
      }
      case REPATRIATION -> {
        ReturnRisk returnRisk = new ReturnRisk();
        session.execute(List.of(facts, prior.screening(), prior.risk(), returnRisk));
        return prior.with(returnRisk, fired, version);
      }
      case PROTECTION -> {
        Protection protection = new Protection();
        session.execute(List.of(facts, prior.screening(), prior.risk(), prior.returnRisk(), protection));
        return prior.with(protection, fired, version);
      }
      case REFERRAL -> {
        Referrals referrals = new Referrals();
        session.execute(List.of(facts, prior.screening(), prior.risk(), prior.returnRisk(), prior.protection(),
            ruleSet.deadlines().forJurisdiction(facts.getJurisdiction()), referrals));
        return prior.with(referrals, fired, version);
      }
      default -> throw new IllegalArgumentException("Unknown domain " + domain);
    }
  }
}
