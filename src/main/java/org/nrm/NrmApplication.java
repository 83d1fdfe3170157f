package org.nrm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The referral-mechanism engine: Camunda 7 with the mechanism's institutions, processes and rules. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NrmApplication {

  public static void main(String[] args) {
    SpringApplication.run(NrmApplication.class, args);
  }
}
