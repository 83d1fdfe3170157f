package org.nrm.migration;

import java.util.List;

/** A migration under way: the Camunda batch that moves the cases, how many, between which versions, by which instructions. */
public record MigrationStarted(String batchId, int cases, MigrationPreview.Version source, MigrationPreview.Version target,
    List<MigrationPreview.Instruction> instructions) {}
