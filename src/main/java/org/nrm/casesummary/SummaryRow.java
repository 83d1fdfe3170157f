package org.nrm.casesummary;

/** One line of a case summary, as a form's table shows it: the fact, and what the case says. */
public record SummaryRow(String fact, String value) {}
