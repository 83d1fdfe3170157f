package org.nrm.identity;

import java.time.Instant;

/** One recorded read of a case's identity. */
public record IdentityAccess(String caseId, String userId, String purpose, Instant accessedAt) {}
