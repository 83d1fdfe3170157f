package org.nrm.engine;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Camunda's REST API as the starter configures it, with the product's answers to what it would answer 500 ({@link EngineRestFailures}). */
@Configuration(proxyBeanMethods = false)
class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(EngineRestFailures.Wrapped.class);
        register(EngineRestFailures.Engine.class);
        register(EngineRestFailures.Any.class);
      }
    };
  }
}
