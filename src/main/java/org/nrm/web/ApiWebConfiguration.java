package org.nrm.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** One error shape for the whole /api ({@link ApiError}), whatever went wrong and where. */
@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

  private final ObjectMapper json;

  ApiWebConfiguration(ObjectMapper json) {
    this.json = json;
  }

  /** After the controllers' own {@code @ExceptionHandler}s, before the framework's default answers. */
  @Override
  public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
    resolvers.add(Math.min(1, resolvers.size()), new ApiExceptionResolver(json));
  }

  /** Tomcat's own error reports (requests refused before the application) in the API's shape for /api. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      StandardHost host = (StandardHost) context.getParent();
      for (Valve valve : host.getPipeline().getValves()) {
        if (valve instanceof ErrorReportValve) {
          host.getPipeline().removeValve(valve);
        }
      }
      host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
      host.getPipeline().addValve(new ApiErrorReportValve());
    });
  }

  /** Replaces Spring Boot's error controller (which it backs off for) to answer errors of /api. */
  @Bean
  BasicErrorController basicErrorController(ErrorAttributes errorAttributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers) {
    return new ApiErrorController(errorAttributes, server.getError(), resolvers.orderedStream().toList(), json);
  }
}
