package org.nrm.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.TaskService;
import org.nrm.identity.IdentityAccessPolicy;
import org.nrm.identity.IdentityVault;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration {

  /** Innermost, so that the webapp's and the REST API's authentication are set when it runs. */
  @Bean
  FilterRegistrationBean<IdentityFormVariablesFilter> identityFormVariables(IdentityVault vault, IdentityAccessPolicy policy,
      TaskService tasks, ProcessEngine engine, IdentityService identity, ObjectMapper json) {
    var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    var registration = new FilterRegistrationBean<>(new IdentityFormVariablesFilter(vault, policy, tasks, commands, identity, json));
    registration.setName("identity-form-variables");
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE);
    return registration;
  }
}
