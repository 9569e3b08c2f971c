package org.scholion.export;

/** Paper sizes of the DOCX and PDF briefs, in points (1/72 inch). */
public enum PageSize {
    A4(595.28f, 841.89f),
    LETTER(612f, 792f);

    private final float width;
    private final float height;

    PageSize(float width, float height) {
        this.width = width;
        this.height = height;
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }
}
