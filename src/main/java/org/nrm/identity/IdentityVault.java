package org.nrm.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
