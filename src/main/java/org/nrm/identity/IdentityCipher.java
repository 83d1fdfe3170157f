package org.nrm.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK. The case id is authenticated with each record, so a ciphertext
 * copied to another case does not decrypt.
 */
final class IdentityCipher {

  /** What is stored: the key that encrypted it, the nonce and the ciphertext, in Base64. */
  record Sealed(String keyId, String nonce, String ciphertext) {}

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final String currentKeyId;
  private final Map<String, SecretKey> keys = new HashMap<>();
  private final SecureRandom random = new SecureRandom();

  IdentityCipher(IdentityProperties properties) {
    currentKeyId = properties.keyId();
    properties.previousKeys().forEach((id, key) -> keys.put(id, key(id, key)));
    keys.put(currentKeyId, key(currentKeyId, properties.encryptionKey()));
  }

  Sealed seal(String caseId, String plaintext) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] ciphertext = run(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), nonce, caseId,
        plaintext.getBytes(StandardCharsets.UTF_8));
    Base64.Encoder base64 = Base64.getEncoder();
    return new Sealed(currentKeyId, base64.encodeToString(nonce), base64.encodeToString(ciphertext));
  }

  String open(String caseId, Sealed sealed) {
    SecretKey key = keys.get(sealed.keyId());
    if (key == null) {
      throw new IllegalStateException("No identity key '" + sealed.keyId() + "' is configured to decrypt case " + caseId);
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new String(run(Cipher.DECRYPT_MODE, key, base64.decode(sealed.nonce()), caseId,
        base64.decode(sealed.ciphertext())), StandardCharsets.UTF_8);
  }

  private static byte[] run(int mode, SecretKey key, byte[] nonce, String caseId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Identity of case " + caseId + " cannot be "
          + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted (wrong key or altered record)"), e);
    }
  }

  private static SecretKey key(String id, String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Identity key '" + id + "' is not Base64", e);
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("Identity key '" + id + "' must be 32 bytes (AES-256), not " + bytes.length);
    }
    return new SecretKeySpec(bytes, "AES");
  }
}
