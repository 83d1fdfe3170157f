package org.nrm.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles the files of a rule set ({@code <domain>/*.drl} and {@code deadlines.yml}, as in the
 * repository's {@code rules/} folder) into a {@link RuleSet}, or refuses it with every reason.
 */
public final class RuleSetCompiler {

  public static final String DEADLINES_FILE = "deadlines.yml";

  private static final Pattern DRL_PATH = Pattern.compile("([a-z]+)/[\\w.-]+\\.drl");
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

  private RuleSetCompiler() {}

  /** Compiles the files (path under {@code rules/} to content); documentation files are ignored. */
  public static RuleSet compile(String version, Map<String, String> files) {
    Map<String, String> sorted = new TreeMap<>(files);
    sorted.keySet().removeIf(path -> path.endsWith(".md"));
    List<String> problems = new ArrayList<>();
    Map<String, DecisionDomain> domainOfFile = checkLayout(sorted, problems);
    DeadlineTable deadlines = parseDeadlines(sorted.get(DEADLINES_FILE), problems);
    if (!problems.isEmpty()) {
      throw new RuleSetRejectedException("El conjunto de reglas no es válido", problems);
    }
    return new RuleSet(version, build(sorted, domainOfFile), deadlines, List.copyOf(sorted.keySet()));
  }

  private static Map<String, DecisionDomain> checkLayout(Map<String, String> files, List<String> problems) {
    Map<String, DecisionDomain> domainOfFile = new TreeMap<>();
    files.forEach((path, content) -> {
      if (path.equals(DEADLINES_FILE)) {
        return;
      }
      Matcher drl = DRL_PATH.matcher(path);
      DecisionDomain domain = drl.matches() ? DecisionDomain.byCode(drl.group(1)).orElse(null) : null;
      if (domain == null) {
        problems.add(path + ": archivo no reconocido; se aceptan <dominio>/*.drl (dominios: "
            + String.join(", ", domainCodes()) + ") y " + DEADLINES_FILE);
        return;
      }
      Matcher drlPackage = PACKAGE.matcher(content);
      if (!drlPackage.find() || !drlPackage.group(1).equals(domain.drlPackage())) {
        problems.add(path + ": el paquete debe ser «package " + domain.drlPackage() + "», como su carpeta");
        return;
      }
      domainOfFile.put(path, domain);
    });
    for (DecisionDomain domain : DecisionDomain.values()) {
      if (!domainOfFile.containsValue(domain)) {
        problems.add(domain.code() + "/: falta al menos un archivo .drl del dominio " + domain.code());
      }
    }
    return domainOfFile;
  }

  private static DeadlineTable parseDeadlines(String yaml, List<String> problems) {
    if (yaml == null) {
      problems.add(DEADLINES_FILE + ": falta la tabla de plazos");
      return null;
    }
    try {
      return DeadlineTable.parse(yaml);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
  }

  private static Map<DecisionDomain, KieBase> build(Map<String, String> files, Map<String, DecisionDomain> domainOfFile) {
    KieServices kie = KieServices.Factory.get();
    // a release of its own, so that compiling a new rule set never touches the running one
    ReleaseId releaseId = kie.newReleaseId("org.nrm", "rules", "1.0.0-" + UUID.randomUUID());
    KieModuleModel module = kie.newKieModuleModel();
    for (DecisionDomain domain : DecisionDomain.values()) {
      module.newKieBaseModel(domain.code()).addPackage(domain.drlPackage());
    }
    KieFileSystem fileSystem = kie.newKieFileSystem()
        .generateAndWritePomXML(releaseId)
        .writeKModuleXML(module.toXML());
    domainOfFile.keySet().forEach(path -> fileSystem.write("src/main/resources/rules/" + path, files.get(path)));

    KieBuilder builder = kie.newKieBuilder(fileSystem).buildAll();
    List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
        .map(RuleSetCompiler::describe)
        .toList();
    if (!errors.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new RuleSetRejectedException("Las reglas no compilan", errors);
    }
    KieContainer container = kie.newKieContainer(releaseId);
    kie.getRepository().removeKieModule(releaseId);
    Map<DecisionDomain, KieBase> bases = new EnumMap<>(DecisionDomain.class);
    for (DecisionDomain domain : DecisionDomain.values()) {
      bases.put(domain, container.getKieBase(domain.code()));
    }
    return bases;
  }

  private static String describe(Message message) {
    String path = message.getPath() == null ? "" : message.getPath().replaceFirst("^(src/main/resources/)?rules/", "");
    return path + (message.getLine() > 0 ? ":" + message.getLine() : "") + ": " + message.getText().strip();
  }

  private static List<String> domainCodes() {
    return java.util.Arrays.stream(DecisionDomain.values()).map(DecisionDomain::code).toList();
  }
}
