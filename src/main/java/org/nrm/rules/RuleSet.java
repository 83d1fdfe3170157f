package org.nrm.rules;

import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;

/**
 * A compiled, immutable rule set: one knowledge base per decision domain and the deadline table.
 * Knowledge bases are thread-safe; every evaluation opens its own stateless session.
 *
 * @param version what each case records: the Camunda deployment that holds the files
 */
public record RuleSet(String version, Map<DecisionDomain, KieBase> knowledgeBases, DeadlineTable deadlines,
    List<String> files) {

  public KieBase knowledgeBase(DecisionDomain domain) {
    return knowledgeBases.get(domain);
  }

  public RuleSet withVersion(String newVersion) {
    return new RuleSet(newVersion, knowledgeBases, deadlines, files);
  }
}
