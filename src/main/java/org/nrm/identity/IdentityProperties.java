package org.nrm.identity;

import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Keys of the identity vault ({@code nrm.identity.*}): the current key encrypts, previous keys
 * (by id) still decrypt what they encrypted, so keys can be rotated.
 *
 * @param keyId id stored with each record
 * @param encryptionKey AES-256 key, Base64 of 32 random bytes ({@code openssl rand -base64 32})
 * @param shownInTasks the tasks that need the identity (task definition key), each with the
 *     institutions whose task it is that see it (empty: the task's own institution, whichever)
 */
@Validated
@ConfigurationProperties("nrm.identity")
public record IdentityProperties(
    @DefaultValue("k1") @NotBlank String keyId,
    @NotBlank(message = "no identity encryption key: set NRM_IDENTITY_KEY (openssl rand -base64 32)")
        String encryptionKey,
    @DefaultValue Map<String, String> previousKeys,
    @DefaultValue Map<String, List<String>> shownInTasks) {}
