package org.nrm.institutions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the engine bootstrap creates, as configuration ({@code nrm.*}): adding a jurisdiction is a
 * new entry in {@code nrm.jurisdictions}, not code.
 *
 * @param jurisdictions the jurisdictions this deployment serves; each becomes a Camunda tenant
 * @param administrator the technical administrator (member of {@code camunda-admin})
 * @param demo demo users, one per institution and jurisdiction (never in production)
 * @param startableProcesses keys of the processes that every institution's users may start
 * @param partnerMechanisms accounts with which other deployments of the regional mechanism hand
 *     cases over to the jurisdictions served here (and report back on the cases they received)
 */
@Validated
@ConfigurationProperties("nrm")
public record MechanismProperties(
    @NotEmpty List<@Valid Jurisdiction> jurisdictions,
    @DefaultValue @Valid Administrator administrator,
    @DefaultValue @Valid Demo demo,
    @DefaultValue List<String> startableProcesses,
    @DefaultValue List<@Valid PartnerMechanism> partnerMechanisms) {

  /** The codes of the jurisdictions served here, which are also the tenant ids. */
  public List<String> jurisdictionCodes() {
    return jurisdictions.stream().map(Jurisdiction::code).toList();
  }

  /** The time zone in which a jurisdiction counts its days; UTC for one not served here. */
  public ZoneId timeZoneOf(String jurisdictionCode) {
    return jurisdictions.stream().filter(jurisdiction -> jurisdiction.code().equals(jurisdictionCode)).findFirst()
        .map(jurisdiction -> ZoneId.of(jurisdiction.timeZone())).orElse(ZoneOffset.UTC);
  }

  /**
   * A jurisdiction: ISO 3166-1 alpha-2 code (the tenant id), name, and the time zone in which its
   * working days and deadlines are counted.
   */
  public record Jurisdiction(
      @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as CR")
          String code,
      @NotBlank String name,
      @DefaultValue("UTC") String timeZone) {}

  /** The administrator account; the password only sets up a missing account. */
  public record Administrator(
      @DefaultValue("admin") @NotBlank String id,
      @NotBlank(message = "no administrator password: set the NRM_ADMIN_PASSWORD environment variable")
          String password) {}

  /** Demo users named {@code <institution>.<jurisdiction>}, e.g. {@code police.cr}. */
  public record Demo(@DefaultValue("false") boolean usersEnabled, @DefaultValue("demo") String password) {}

  /** The account of another country's deployment of the mechanism here. */
  public record PartnerMechanism(@NotBlank String user, @NotBlank String password) {}
}
