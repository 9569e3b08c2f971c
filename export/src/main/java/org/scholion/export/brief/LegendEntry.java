package org.scholion.export.brief;

import org.scholion.core.model.Label;

/** A label that occurs in the brief, with its label set, how often it occurs and its tint. */
public record LegendEntry(Label label, String labelSet, int count, Tint tint) {}
