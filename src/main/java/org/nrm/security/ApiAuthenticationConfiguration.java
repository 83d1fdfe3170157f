package org.nrm.security;

import java.util.List;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.web.servlet.JerseyApplicationPath;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * HTTP basic authentication against the engine's users for the engine REST API, the product's
 * own API ({@code /api}) and every actuator endpoint but health. Camunda's own filter authenticates the caller, so the engine's
 * authorizations apply to each REST call as they do in Tasklist and Cockpit.
 */
@Configuration(proxyBeanMethods = false)
class ApiAuthenticationConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(JerseyApplicationPath restPath) {
    return basicAuthentication("engine-rest-authentication", restPath.getUrlMapping());
  }

  /**
   * The statistics are read by Cockpit's dashboard too, with the coordinator's session; the
   * directory by its Cockpit page; the printable catalogue pages are opened from Tasklist's forms.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    return authentication(new SessionOrBasicAuthenticationFilter(List.of("/api/statistics/", "/api/providers", "/api/catalogue"),
        List.of("/api/providers")), "api-authentication", "/api/*");
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> actuatorAuthentication() {
    // /actuator/health stays open for load balancers and container health checks
    return basicAuthentication("actuator-authentication",
        "/actuator", "/actuator/info", "/actuator/metrics", "/actuator/metrics/*");
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> basicAuthentication(
      String name, String... urlPatterns) {
    return authentication(new ProcessEngineAuthenticationFilter(), name, urlPatterns);
  }

  private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(
      ProcessEngineAuthenticationFilter filter, String name, String... urlPatterns) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns(urlPatterns);
    // before the product's own filters, which read the authenticated user
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }
}
