package org.nrm.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Camunda's REST API as the starter configures it, with the product's answers to what it would
 * answer 500 ({@link EngineRestFailures}), and the webapps' engine API with the same answer to a
 * concurrent change ({@link WebappConcurrentChangeFilter}).
 */
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

  @Bean
  FilterRegistrationBean<WebappConcurrentChangeFilter> webappConcurrentChanges(ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new WebappConcurrentChangeFilter(json));
    registration.addUrlPatterns("/camunda/api/engine/*");
    return registration;
  }
}
