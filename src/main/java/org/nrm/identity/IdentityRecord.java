package org.nrm.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The confidential identity block of the data dictionary. Never a process variable: it lives
 * encrypted in the vault, linked to the case by its id.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record IdentityRecord(
    String givenNames,
    String familyNames,
    String birthDate,
    String documentType,
    String documentNumber,
    String phone,
    String address,
    String currentLocation) {}
