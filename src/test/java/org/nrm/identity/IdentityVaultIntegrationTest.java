package org.nrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.nrm.support.NrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@NrmIntegrationTest
class IdentityVaultIntegrationTest {

  static final IdentityRecord MARIA = new IdentityRecord("María José", "Pérez Solano", "2009-03-14", "passport",
      "C01234567", "+505 8888 0000", "Barrio Los Ángeles", "Albergue San José");

  @Autowired IdentityVault vault;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theIdentityIsStoredEncrypted() {
    String caseId = newCaseId();

    vault.store(caseId, MARIA, "police.cr");

    Map<String, Object> row = jdbc.queryForMap("select * from nrm_identity where case_id = ?", caseId);
    // what the identity could be read from; the time it was stored may hold any digits (it once held 8888)
    String stored = row.get("ciphertext") + " " + row.get("nonce") + " " + row.get("key_id");
    assertThat(stored).doesNotContain("María", "Pérez", "C01234567", "8888", "Albergue");
    String decodedCiphertext = new String(Base64.getDecoder().decode((String) row.get("ciphertext")));
    assertThat(decodedCiphertext).doesNotContain("Pérez", "C01234567");
  }

  @Test
  void readingTheIdentityRecordsWhoReadItAndWhy() {
    String caseId = newCaseId();
    vault.store(caseId, MARIA, "police.cr");

    IdentityRecord read = vault.read(caseId, "shelter.cr", "Admisión en albergue").orElseThrow();

    assertThat(read).isEqualTo(MARIA);
    assertThat(vault.accessesTo(caseId)).singleElement().satisfies(access -> {
      assertThat(access.userId()).isEqualTo("shelter.cr");
      assertThat(access.purpose()).isEqualTo("Admisión en albergue");
    });
  }

  @Test
  void aCiphertextMovedToAnotherCaseDoesNotDecrypt() {
    String original = newCaseId();
    String other = newCaseId();
    vault.store(original, MARIA, "police.cr");
    vault.store(other, new IdentityRecord("Ana", null, null, null, null, null, null, null), "police.cr");
    jdbc.update("update nrm_identity set (nonce, ciphertext) = (select nonce, ciphertext from nrm_identity where case_id = ?) "
        + "where case_id = ?", original, other);

    assertThatThrownBy(() -> vault.read(other, "shelter.cr", "Admisión en albergue"))
        .hasMessageContaining("cannot be decrypted");
  }

  @Test
  void aCaseWithoutIdentityReadsEmptyAndRecordsNothing() {
    String caseId = newCaseId();

    assertThat(vault.read(caseId, "shelter.cr", "Admisión en albergue")).isEmpty();
    assertThat(vault.accessesTo(caseId)).isEmpty();
  }

  @Test
  void aKeyOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> new IdentityCipher(new IdentityProperties("k1", Base64.getEncoder().encodeToString(new byte[16]), Map.of(), Map.of())))
        .hasMessageContaining("must be 32 bytes");
  }

  private static String newCaseId() {
    return "TEST-" + UUID.randomUUID();
  }
}
