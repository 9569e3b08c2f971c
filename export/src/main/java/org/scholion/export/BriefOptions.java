package org.scholion.export;

/**
 * How the DOCX and PDF briefs are laid out.
 *
 * @param pageSize        paper size; null means A4
 * @param annotationTable whether a brief ends with the table of annotations
 * @param pdfArchival     whether the PDF is PDF/A-1b
 */
public record BriefOptions(PageSize pageSize, boolean annotationTable, boolean pdfArchival) {

    /** A4, with the table of annotations, PDF/A-1b. */
    public static final BriefOptions DEFAULT = new BriefOptions(PageSize.A4, true, true);

    public BriefOptions {
        if (pageSize == null) {
            pageSize = PageSize.A4;
        }
    }
}
