/**
 * spaCy/Prodigy JSONL, one task per line: {@code text}, {@code spans} with character offsets (code
 * points: Python string indices), {@code tokens} and token-anchored {@code relations} where
 * present, {@code meta}. See docs/formats.md for the lines of Python that turn it into a spaCy
 * {@code DocBin}.
 */
package org.scholion.export.prodigy;
