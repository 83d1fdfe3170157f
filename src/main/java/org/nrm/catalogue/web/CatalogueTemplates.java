package org.nrm.catalogue.web;

import com.samskivert.mustache.Mustache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The printable pages' templates (classpath:/templates/*.mustache): what they print is escaped as
 * HTML; a value that is not there prints nothing, and an empty text counts as absent in a section.
 */
@Configuration
class CatalogueTemplates {

  @Bean
  Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader templates) {
    return Mustache.compiler().withLoader(templates).defaultValue("").emptyStringIsFalse(true);
  }
}
