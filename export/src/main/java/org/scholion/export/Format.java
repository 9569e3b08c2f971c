package org.scholion.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats Scholion exports to, with their file extensions and media types. */
public enum Format {
    CSV("csv", "text/csv; charset=UTF-8"),
    JSONLD("jsonld", "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\""),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("pdf", "application/pdf"),
    HTML("html", "text/html; charset=UTF-8");

    private final String extension;
    private final String mediaType;

    Format(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of this name or extension ({@code csv}, {@code jsonld}, {@code json-ld} ...), any case. */
    public static Format fromName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("-", "");
        for (Format f : values()) {
            if (f.extension.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (expected one of "
                + Arrays.stream(values()).map(Format::extension).collect(Collectors.joining(", ")) + ")");
    }
}
