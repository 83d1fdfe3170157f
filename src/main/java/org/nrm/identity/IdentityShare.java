package org.nrm.identity;

import java.time.Instant;
import java.util.List;

/**
 * One hand-over of a case's identity to another jurisdiction's mechanism.
 *
 * @param caseId the case whose identity was shared
 * @param sharedWith the receiving jurisdiction
 * @param receivingCaseId the receiving case, when known
 * @param institutions the receiving institutions whose tasks show it
 * @param fields the identity fields shared
 */
public record IdentityShare(String caseId, String sharedWith, String receivingCaseId, List<String> institutions,
    List<String> fields, String sharedBy, Instant sharedAt) {}
