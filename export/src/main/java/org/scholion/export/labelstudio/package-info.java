/**
 * Label Studio's JSON export: a list of tasks whose {@code annotations} (one per annotator) and
 * {@code predictions} hold span regions ({@code labels}) and {@code relation}s, with offsets in
 * code points (what Label Studio's {@code Text} tag stores); the writer also writes the labelling
 * configuration the tasks need. See docs/formats.md.
 */
package org.scholion.export.labelstudio;
