package org.nrm.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.nrm.institutions.ProviderGroups;
import org.nrm.web.ApiError;
import org.nrm.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of service providers: each provider as coordination last saved it, searchable by
 * jurisdiction and service, and every version kept ({@code nrm_provider_change}) with who changed
 * it, when and why. A change names the version it was made on: one made on an older version is
 * refused (409), so that two coordinators never overwrite each other unseen. A provider is
 * deactivated, never deleted: referrals and their history keep pointing to it.
 */
@Service
public class ProviderDirectory {

  /** One version of a provider in its history. */
  public record Change(int version, String action, Instant at, String by, String reason, Provider provider) {}

  /** Who changes the directory when a referral holds or frees a shelter place. */
  static final String BY_REFERRAL = "derivación";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ProviderGroups staff;

  ProviderDirectory(JdbcTemplate jdbc, ObjectMapper json, ProviderGroups staff) {
    this.jdbc = jdbc;
    this.json = json;
    this.staff = staff;
  }

  /** The providers of these jurisdictions, active ones only unless asked, of one service if given; by name. */
  public List<Provider> list(Collection<String> jurisdictions, String service, boolean inactiveToo) {
    if (jurisdictions.isEmpty()) {
      return List.of();
    }
    String in = String.join(",", Collections.nCopies(jurisdictions.size(), "?"));
    StringBuilder sql = new StringBuilder("select p.* from nrm_provider p where p.jurisdiction in (" + in + ")");
    List<Object> arguments = new ArrayList<>(jurisdictions);
    if (!inactiveToo) {
      sql.append(" and p.active = true");
    }
    if (service != null) {
      sql.append(" and exists (select 1 from nrm_provider_service s where s.provider_id = p.provider_id and s.service = ?)");
      arguments.add(service);
    }
    sql.append(" order by p.jurisdiction, lower(p.name), p.provider_id");
    return jdbc.query(sql.toString(), (row, number) -> provider(row), arguments.toArray());
  }

  /** The active providers of an institution in a jurisdiction, by name: those a referral to it may go to. */
  public List<Provider> activeOf(String jurisdiction, String institution) {
    return jdbc.query("select * from nrm_provider where jurisdiction = ? and institution = ? and active = true"
        + " order by lower(name), provider_id", (row, number) -> provider(row), jurisdiction, institution);
  }

  /** Whether the institution has an active provider in the jurisdiction (read at every referral: no document parsed). */
  public boolean hasActive(String jurisdiction, String institution) {
    return !jdbc.queryForList("select 1 from nrm_provider where jurisdiction = ? and institution = ? and active = true"
        + " fetch first 1 rows only", Integer.class, jurisdiction, institution).isEmpty();
  }

  public Optional<Provider> find(String id) {
    return jdbc.query("select * from nrm_provider where provider_id = ?", (row, number) -> provider(row), id).stream().findFirst();
  }

  @Transactional
  public Provider create(JsonNode document, String by, Set<String> served) {
    return create(UUID.randomUUID().toString(), document, by, served);
  }

  /** A provider with a fixed id (the demo directory's, loaded once whichever node starts first). */
  @Transactional
  public Provider create(String id, JsonNode document, String by, Set<String> served) {
    Provider edited = valid(document, served);
    Provider kept = edited.kept(id, true, 1, Instant.now(), by);
    jdbc.update("insert into nrm_provider (provider_id, jurisdiction, name, institution, active, version, document, updated_at,"
        + " updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, kept.jurisdiction(), kept.name(), kept.institution(), true, 1,
        write(edited), Timestamp.from(kept.updatedAt()), by);
    services(id, kept.services());
    history(kept, "created", null);
    staff.ensure(id, kept.name());
    return kept;
  }

  /** Saves a provider as edited on {@code version}; the jurisdiction of a provider does not change. */
  @Transactional
  public Provider update(String id, int version, JsonNode document, String by, Set<String> served) {
    Provider current = current(id, version);
    Provider edited = valid(document, served);
    if (!edited.jurisdiction().equals(current.jurisdiction())) {
      throw ApiException.badRequest(ApiError.withField("El prestador no cambió.", "jurisdiction",
          "Un prestador no cambia de jurisdicción: desactívelo y regístrelo en la otra."));
    }
    Provider kept = edited.kept(id, current.active(), version + 1, Instant.now(), by);
    save(kept, version);
    services(id, kept.services());
    history(kept, "updated", null);
    return kept;
  }

  /** Takes a provider out of the lists for new referrals, with the reason; its history stays. */
  @Transactional
  public Provider deactivate(String id, int version, String reason, String by) {
    Provider current = current(id, version);
    Provider kept = current.edited().kept(id, false, version + 1, Instant.now(), by);
    save(kept, version);
    history(kept, "deactivated", reason);
    return kept;
  }

  /**
   * Holds a place of a shelter for an accepted referral: one place fewer free, kept in the
   * provider's history like any change. Refused when the shelter has no place free; a referral
   * holds one place at most (accepting again changes nothing).
   */
  @Transactional(noRollbackFor = NoPlaceFreeException.class)
  public Provider holdPlace(String providerId, String referralId, String caseId, String by) {
    Provider current = locked(providerId);
    if (jdbc.queryForObject("select count(*) from nrm_provider_hold where referral_id = ? and freed_at is null", Integer.class,
        referralId) > 0 || current.placesFree() == null) {
      return current;
    }
    if (current.placesFree() <= 0) {
      throw new NoPlaceFreeException(current.name());
    }
    Provider kept = withPlacesFree(current, current.placesFree() - 1, by);
    save(kept, current.version());
    history(kept, "place-held", "Plaza para la derivación del caso " + caseId);
    jdbc.update("delete from nrm_provider_hold where referral_id = ?", referralId);
    jdbc.update("insert into nrm_provider_hold (referral_id, provider_id, held_at, held_by) values (?, ?, ?, ?)", referralId,
        providerId, Timestamp.from(kept.updatedAt()), by);
    return kept;
  }

  /** Frees the place a referral holds, if it holds one: the stay ended (or the referral did). */
  @Transactional
  public Optional<Provider> freePlace(String referralId, String caseId, String by) {
    List<String> held = jdbc.queryForList("select provider_id from nrm_provider_hold where referral_id = ? and freed_at is null",
        String.class, referralId);
    if (held.isEmpty()) {
      return Optional.empty();
    }
    Provider current = locked(held.get(0));
    int free = current.placesFree() == null ? 1 : current.placesFree() + 1;
    Provider kept = withPlacesFree(current, current.capacity() == null ? free : Math.min(free, current.capacity()), by);
    save(kept, current.version());
    history(kept, "place-freed", "Terminó la estancia de la derivación del caso " + caseId);
    jdbc.update("update nrm_provider_hold set freed_at = ? where referral_id = ?", Timestamp.from(kept.updatedAt()), referralId);
    return Optional.of(kept);
  }

  /** The places a referral holds now: the provider's id, or none. */
  public Optional<String> placeHeldBy(String referralId) {
    return jdbc.queryForList("select provider_id from nrm_provider_hold where referral_id = ? and freed_at is null", String.class,
        referralId).stream().findFirst();
  }

  /** A shelter has no place free for a referral being accepted. */
  public static class NoPlaceFreeException extends RuntimeException {
    NoPlaceFreeException(String shelter) {
      super("«" + shelter + "» no tiene plazas libres: no se puede aceptar la derivación. Rechácela con ese motivo para que"
          + " se elija otro prestador, o libere primero una plaza en el directorio.");
    }
  }

  private Provider locked(String providerId) {
    List<String> locked = jdbc.queryForList("select provider_id from nrm_provider where provider_id = ? for update", String.class,
        providerId);
    if (locked.isEmpty()) {
      throw new IllegalStateException("No provider " + providerId + " in the directory");
    }
    return find(providerId).orElseThrow();
  }

  private static Provider withPlacesFree(Provider current, int placesFree, String by) {
    return new Provider(current.id(), current.jurisdiction(), current.name(), current.institution(), current.sector(),
        current.services(), current.regions(), current.serves(), current.languages(), current.capacity(), placesFree,
        current.contacts(), current.active(), current.version() + 1, Instant.now(), by);
  }

  public List<Change> history(String id) {
    return jdbc.query("select * from nrm_provider_change where provider_id = ? order by version", (row, number) -> new Change(
        row.getInt("version"), row.getString("action"), row.getTimestamp("changed_at").toInstant(), row.getString("changed_by"),
        row.getString("reason"), read(row.getString("document"))), id);
  }

  private Provider current(String id, int version) {
    Provider current = find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
        ApiError.of("No hay un prestador " + id + " en el directorio.")));
    if (current.version() != version) {
      throw new ApiException(HttpStatus.CONFLICT, ApiError.withField("Otra persona cambió este prestador mientras usted lo editaba;"
          + " no se guardó nada. Vuelva a abrirlo y repita su cambio.", "version",
          "Usted lo editó en la versión " + version + "; la actual es la " + current.version() + "."));
    }
    return current;
  }

  private void save(Provider kept, int version) {
    int saved = jdbc.update("update nrm_provider set name = ?, institution = ?, active = ?, version = ?, document = ?, updated_at = ?,"
        + " updated_by = ? where provider_id = ? and version = ?", kept.name(), kept.institution(), kept.active(), kept.version(),
        write(kept.edited()), Timestamp.from(kept.updatedAt()), kept.updatedBy(), kept.id(), version);
    if (saved != 1) {
      // changed by another request between the read and this write
      throw new ApiException(HttpStatus.CONFLICT, ApiError.of("Otra persona cambió este prestador al mismo tiempo; no se guardó nada."));
    }
  }

  private void services(String id, List<String> services) {
    jdbc.update("delete from nrm_provider_service where provider_id = ?", id);
    for (String service : services) {
      jdbc.update("insert into nrm_provider_service (provider_id, service) values (?, ?)", id, service);
    }
  }

  private void history(Provider kept, String action, String reason) {
    jdbc.update("insert into nrm_provider_change (provider_id, version, action, changed_at, changed_by, reason, document)"
        + " values (?, ?, ?, ?, ?, ?, ?)", kept.id(), kept.version(), action, Timestamp.from(kept.updatedAt()), kept.updatedBy(),
        reason, write(kept.edited().kept(null, kept.active(), kept.version(), null, null)));
  }

  private Provider valid(JsonNode document, Set<String> served) {
    List<ApiError.Field> problems = ProviderValidator.problemsOf(document, served);
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(ApiError.withFields("El prestador no es válido; el directorio no cambió.", problems));
    }
    try {
      return json.treeToValue(document, Provider.class).edited();
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(ApiError.of("El prestador no es válido; el directorio no cambió: " + e.getOriginalMessage()));
    }
  }

  private Provider provider(ResultSet row) throws SQLException {
    return read(row.getString("document")).kept(row.getString("provider_id"), row.getBoolean("active"), row.getInt("version"),
        row.getTimestamp("updated_at").toInstant(), row.getString("updated_by"));
  }

  private Provider read(String document) {
    try {
      return json.readValue(document, Provider.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A provider stored unreadable: " + e.getMessage(), e);
    }
  }

  private String write(Provider provider) {
    try {
      return json.writeValueAsString(provider);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
