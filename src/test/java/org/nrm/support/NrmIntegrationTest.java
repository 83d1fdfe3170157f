package org.nrm.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * The whole product with its demo users on an embedded PostgreSQL server, on a random port, with
 * no job executor, recording process test coverage. Test classes with this annotation share one
 * context (and one server).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// tests run jobs (async steps, timers) themselves, with the engine clock where they need it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
@Import({EmbeddedPostgresConfiguration.class, ProcessCoverage.EngineConfiguration.class})
@TestExecutionListeners(listeners = ProcessCoverage.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@ActiveProfiles("demo")
public @interface NrmIntegrationTest {}
