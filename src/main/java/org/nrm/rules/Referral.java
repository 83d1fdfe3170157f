package org.nrm.rules;

/**
 * A referral of the case to an institution: why, and within how many hours (working days when
 * {@code workingDays}, 24 hours each).
 */
public record Referral(String institution, String reason, int dueInHours, boolean workingDays) {}
