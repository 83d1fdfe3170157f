package org.nrm.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.nrm.institutions.MechanismProperties;
import org.nrm.institutions.ProviderGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The demo's small directory for CR and GT ({@code demo/providers.json}, clearly fictitious), loaded
 * with the demo users. Each provider has a fixed id: loaded once, whichever node starts first, and
 * never again over what coordination has changed since.
 */
@Component
@ConditionalOnProperty(name = "nrm.demo.users-enabled", havingValue = "true")
class DemoDirectory implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDirectory.class);
  static final String RESOURCE = "demo/providers.json";
  static final String LOADED_BY = "demo";

  private final ProviderDirectory directory;
  private final ProviderAccess access;
  private final ObjectMapper json;
  private final ProviderGroups groups;
  private final String password;

  DemoDirectory(ProviderDirectory directory, ProviderAccess access, ObjectMapper json, ProviderGroups groups,
      MechanismProperties mechanism) {
    this.directory = directory;
    this.access = access;
    this.json = json;
    this.groups = groups;
    this.password = mechanism.demo().password();
  }

  /** The fixed id of a demo provider, from its name. */
  static String idOf(String name) {
    return UUID.nameUUIDFromBytes(("demo-provider:" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public void run(ApplicationArguments arguments) throws IOException {
    int loaded = 0;
    try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
      JsonNode demo = json.readTree(in);
      for (JsonNode provider : demo.path("providers")) {
        String jurisdiction = provider.path("jurisdiction").asText();
        if (!access.served().contains(jurisdiction)) {
          continue;
        }
        String name = provider.path("name").asText();
        String id = idOf(name);
        if (directory.find(id).isEmpty()) {
          try {
            directory.create(id, provider, LOADED_BY, access.served());
            loaded++;
          } catch (DuplicateKeyException anotherNodeFirst) {
            // loaded by another node starting at the same time
          }
        }
        if (demo.path("staff").hasNonNull(name)) {
          groups.ensureDemoStaff(demo.path("staff").get(name).asText(), password, id, name, jurisdiction);
        }
      }
    }
    if (loaded > 0) {
      LOG.info("Demo directory: {} fictitious providers loaded", loaded);
    }
  }
}
