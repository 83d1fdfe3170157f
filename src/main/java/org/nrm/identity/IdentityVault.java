package org.nrm.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confidential identities of cases: stored apart from the engine, encrypted, and every read
 * recorded with who read it and why. Nothing here ever becomes a process variable.
 */
@Service
public class IdentityVault {

  private final JdbcTemplate jdbc;
  private final IdentityCipher cipher;
  private final ObjectMapper json;

  IdentityVault(JdbcTemplate jdbc, IdentityProperties properties, ObjectMapper json) {
    this.jdbc = jdbc;
    this.cipher = new IdentityCipher(properties);
    this.json = json;
  }

  @Transactional
  public void store(String caseId, IdentityRecord identity, String storedBy) {
    IdentityCipher.Sealed sealed = cipher.seal(caseId, write(identity));
    jdbc.update("insert into nrm_identity (case_id, key_id, nonce, ciphertext, stored_by, stored_at) values (?, ?, ?, ?, ?, ?)",
        caseId, sealed.keyId(), sealed.nonce(), sealed.ciphertext(), storedBy, Timestamp.from(Instant.now()));
  }

  /**
   * Records identity data entered later (a task form): fields given here replace the stored ones,
   * the others stay.
   */
  @Transactional
  public void record(String caseId, IdentityRecord entered, String userId) {
    List<IdentityCipher.Sealed> rows = sealedOf(caseId);
    if (rows.isEmpty()) {
      store(caseId, entered, userId);
      return;
    }
    IdentityRecord merged = merge(parse(cipher.open(caseId, rows.get(0))), entered);
    IdentityCipher.Sealed sealed = cipher.seal(caseId, write(merged));
    jdbc.update("update nrm_identity set key_id = ?, nonce = ?, ciphertext = ?, stored_by = ?, stored_at = ? where case_id = ?",
        sealed.keyId(), sealed.nonce(), sealed.ciphertext(), userId, Timestamp.from(Instant.now()), caseId);
  }

  /** The identity of the case, after recording that {@code userId} read it for {@code purpose}. */
  @Transactional
  public Optional<IdentityRecord> read(String caseId, String userId, String purpose) {
    List<IdentityCipher.Sealed> rows = sealedOf(caseId);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    jdbc.update("insert into nrm_identity_access (id, case_id, user_id, purpose, accessed_at) values (?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), caseId, userId, purpose, Timestamp.from(Instant.now()));
    return Optional.of(parse(cipher.open(caseId, rows.get(0))));
  }

  /**
   * The given fields of a case's identity as the form fields of another case ({@code identity_*}),
   * read for a hand-over: the read is recorded like any other. Empty when the case has no identity.
   */
  @Transactional
  public Map<String, Object> fieldsForHandover(String caseId, List<String> fields, String userId, String purpose) {
    return read(caseId, userId, purpose).map(identity -> IdentityFields.toVariables(identity, fields)).orElse(Map.of());
  }

  /** Records that a case's identity was handed over (principle 11). */
  public void recordShare(IdentityShare share) {
    jdbc.update("insert into nrm_identity_share (id, case_id, shared_with, receiving_case_id, institutions, fields, shared_by, shared_at)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), share.caseId(), share.sharedWith(),
        share.receivingCaseId(), String.join(",", share.institutions()), String.join(",", share.fields()), share.sharedBy(),
        Timestamp.from(share.sharedAt()));
  }

  public List<IdentityShare> sharesOf(String caseId) {
    return jdbc.query("select case_id, shared_with, receiving_case_id, institutions, fields, shared_by, shared_at"
        + " from nrm_identity_share where case_id = ? order by shared_at",
        (row, i) -> new IdentityShare(row.getString(1), row.getString(2), row.getString(3), List.of(row.getString(4).split(",")),
            List.of(row.getString(5).split(",")), row.getString(6), row.getTimestamp(7).toInstant()), caseId);
  }

  public List<IdentityAccess> accessesTo(String caseId) {
    return jdbc.query("select case_id, user_id, purpose, accessed_at from nrm_identity_access where case_id = ? order by accessed_at",
        (row, i) -> new IdentityAccess(row.getString(1), row.getString(2), row.getString(3), row.getTimestamp(4).toInstant()),
        caseId);
  }

  private List<IdentityCipher.Sealed> sealedOf(String caseId) {
    return jdbc.query("select key_id, nonce, ciphertext from nrm_identity where case_id = ?",
        (row, i) -> new IdentityCipher.Sealed(row.getString(1), row.getString(2), row.getString(3)), caseId);
  }

  private static IdentityRecord merge(IdentityRecord stored, IdentityRecord entered) {
    return new IdentityRecord(
        pick(entered.givenNames(), stored.givenNames()), pick(entered.familyNames(), stored.familyNames()),
        pick(entered.birthDate(), stored.birthDate()), pick(entered.documentType(), stored.documentType()),
        pick(entered.documentNumber(), stored.documentNumber()), pick(entered.phone(), stored.phone()),
        pick(entered.address(), stored.address()), pick(entered.currentLocation(), stored.currentLocation()));
  }

  private static String pick(String entered, String stored) {
    return entered != null ? entered : stored;
  }

  private String write(IdentityRecord identity) {
    try {
      return json.writeValueAsString(identity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private IdentityRecord parse(String text) {
    try {
      return json.readValue(text, IdentityRecord.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Decrypted identity is not readable", e);
    }
  }
}
