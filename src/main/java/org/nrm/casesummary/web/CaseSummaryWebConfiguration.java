package org.nrm.casesummary.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.nrm.institutions.Institution;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class CaseSummaryWebConfiguration {

  /**
   * Inside the engine REST API's and the webapps' authentication (the caller is known) and just
   * outside the identity filter, whose fields are form fields of the tasks that show them.
   */
  @Bean
  FilterRegistrationBean<TaskVariablesLeastPrivilegeFilter> taskVariablesLeastPrivilege(TaskService tasks, FormService forms,
      IdentityService identity, ObjectMapper json) {
    var filter = new TaskVariablesLeastPrivilegeFilter(tasks, forms, identity, json,
        List.of(Institution.COORDINATION.id(), Groups.CAMUNDA_ADMIN));
    var registration = new FilterRegistrationBean<>(filter);
    registration.setName("task-variables-least-privilege");
    registration.addUrlPatterns("/camunda/api/engine/*", "/engine-rest/*");
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
    return registration;
  }
}
