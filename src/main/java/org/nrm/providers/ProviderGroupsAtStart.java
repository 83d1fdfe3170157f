package org.nrm.providers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nrm.institutions.ProviderGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every provider of the directory has its staff's group, also those registered before groups
 * existed: at start, only the missing ones are created (a provider registered since has its own).
 */
@Component
@Order(0)
class ProviderGroupsAtStart implements ApplicationRunner {

  private final ProviderDirectory directory;
  private final ProviderAccess access;
  private final ProviderGroups groups;

  ProviderGroupsAtStart(ProviderDirectory directory, ProviderAccess access, ProviderGroups groups) {
    this.directory = directory;
    this.access = access;
    this.groups = groups;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    Map<String, String> providers = new LinkedHashMap<>();
    directory.list(access.served(), null, true).forEach(provider -> providers.put(provider.id(), provider.name()));
    groups.ensureMissing(providers);
  }
}
