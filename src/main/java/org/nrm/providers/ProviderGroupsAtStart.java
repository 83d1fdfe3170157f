package org.nrm.providers;

import java.util.List;
import org.nrm.institutions.ProviderGroups;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every provider of the directory has its staff's group, also those registered before groups existed. */
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
    List<Provider> providers = directory.list(access.served(), null, true);
    providers.forEach(provider -> groups.ensure(provider.id(), provider.name()));
  }
}
