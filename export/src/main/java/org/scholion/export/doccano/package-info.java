/**
 * doccano JSONL, one document per line, in both shapes of a sequence-labelling project: plain
 * ({@code "label": [[start, end, "LABEL"], ...]}) and with relations ({@code "entities"} and
 * {@code "relations"}). Offsets are code points (Python string indices); see docs/formats.md.
 */
package org.scholion.export.doccano;
