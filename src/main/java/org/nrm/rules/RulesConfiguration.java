package org.nrm.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RulesConfiguration {

  /** Empty until the engine starts: {@link RuleSetActivation} activates the stored rule set. */
  @Bean
  CaseDecisionService caseDecisionService() {
    return new CaseDecisionService();
  }
}
