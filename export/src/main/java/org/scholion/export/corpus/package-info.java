/**
 * Exports of a whole corpus, fed one document at a time in the corpus's order: one CSV for all
 * documents, and a W3C {@code AnnotationCollection} paged into {@code AnnotationPage}s. They call
 * the per-document exporters and keep no document once it is written.
 */
package org.scholion.export.corpus;
