/**
 * The one conversion contract for the formats of other annotation tools: a {@link
 * org.scholion.export.interchange.DocumentReader} and a {@link
 * org.scholion.export.interchange.DocumentWriter} per format, found through {@link
 * org.scholion.export.interchange.Interchange}, and one {@link
 * org.scholion.export.interchange.LossReport} that every conversion fills with what it could not
 * carry. Each format lives in a package of its own beside this one ({@code export.brat}, ...);
 * foreign offsets are converted at the reader or writer through {@code CodePointText} and nowhere else.
 */
package org.scholion.export.interchange;
