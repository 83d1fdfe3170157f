package org.nrm.deployment;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a model may name and the product knows how to run: the institutions a task can go to, the
 * process variables that hold an institution's (or a provider's) group, the beans a delegate
 * expression may call, the deadline keys of the active {@code rules/deadlines.yml}, the decision
 * domains, and the forms a task can show (those of the deployment itself, else the latest deployed).
 */
public record ModelVocabulary(Set<String> institutions, Set<String> groupVariables, Predicate<String> beans,
    Set<String> deadlineSteps, Set<String> decisionDomains, Function<String, Optional<FormFields>> forms) {}
