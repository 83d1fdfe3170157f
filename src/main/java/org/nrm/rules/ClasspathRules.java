package org.nrm.rules;

import java.util.Map;
import org.nrm.deployment.ClasspathFolder;

/** The rule set shipped with the application: the repository's {@code rules/} folder. */
public final class ClasspathRules {

  private ClasspathRules() {}

  public static Map<String, String> files() {
    return ClasspathFolder.readTexts("rules", "**/*.drl", RuleSetCompiler.DEADLINES_FILE);
  }

  public static RuleSet compile(String version) {
    return RuleSetCompiler.compile(version, files());
  }
}
