package org.nrm.repatriation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Hand-overs to other jurisdictions ({@code nrm.handover.*}). A jurisdiction served by this
 * deployment (a tenant) gets its messages through the engine; one served by another deployment of
 * the regional mechanism is listed under {@code remote-mechanisms} with the account this deployment
 * has there.
 *
 * @param remoteMechanisms by jurisdiction code: the other deployment's engine REST API and account
 * @param identityFields the identity fields that the origin's receiving institutions need (names,
 *     birth date and travel document to receive the person and trace the family); never the phone,
 *     address or location in the destination country
 */
@Validated
@ConfigurationProperties("nrm.handover")
public record HandoverProperties(
    @DefaultValue Map<String, @Valid RemoteMechanism> remoteMechanisms,
    @DefaultValue({"givenNames", "familyNames", "birthDate", "documentType", "documentNumber"}) List<String> identityFields) {

  /**
   * Another deployment of the regional mechanism.
   *
   * @param engineRestUrl its engine REST API, with the engine, e.g.
   *     {@code https://nrm.gt.example/engine-rest/engine/default} (HTTPS outside a test)
   * @param user this deployment's account there (one of its {@code nrm.partner-mechanisms})
   * @param password that account's password
   */
  public record RemoteMechanism(@NotBlank String engineRestUrl, @NotBlank String user, @NotBlank String password) {}
}
