package org.scholion.export;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every format Scholion reads or writes, in one list: the publication formats, written per
 * document by an {@link Exporter} ({@code --format all} means these), and the interchange formats of
 * other annotation tools, read and written through {@code export.interchange.Interchange}.
 */
public enum Format {
    CSV("csv", "text/csv; charset=UTF-8", Kind.PUBLICATION),
    JSONLD("jsonld", "application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"", Kind.PUBLICATION),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Kind.PUBLICATION),
    PDF("pdf", "application/pdf", Kind.PUBLICATION),
    HTML("html", "text/html; charset=UTF-8", Kind.PUBLICATION),
    /** brat standoff: {@code <id>.txt} and {@code <id>.ann}, plus {@code annotation.conf}. */
    BRAT("brat", "text/plain; charset=UTF-8", Kind.INTERCHANGE),
    /** CoNLL-2003 style token-per-line IOB, one file for many documents. */
    CONLL("conll", "text/plain; charset=UTF-8", Kind.INTERCHANGE),
    /** doccano JSONL, one document per line. */
    DOCCANO("doccano", "application/jsonl", Kind.INTERCHANGE),
    /** Label Studio's JSON export: a list of tasks. */
    LABELSTUDIO("labelstudio", "application/json", Kind.INTERCHANGE),
    /** spaCy/Prodigy JSONL, one document per line. */
    PRODIGY("prodigy", "application/jsonl", Kind.INTERCHANGE),
    /** WebAnno/INCEpTION TSV 3.3. */
    WEBANNO("webanno", "text/tab-separated-values; charset=UTF-8", Kind.INTERCHANGE),
    /** The SemEval-2020 Task 11 propaganda techniques corpus: {@code article<ID>.txt} and {@code .labels.tsv}. */
    PTC("ptc", "text/tab-separated-values; charset=UTF-8", Kind.INTERCHANGE),
    /** A BagIt archive package of many documents, for long-term keeping (see {@code export.bag}). */
    BAG("bag", "application/octet-stream", Kind.ARCHIVE);

    /** Whether a format publishes one document, carries annotations to and from another tool, or archives many. */
    public enum Kind {
        PUBLICATION,
        INTERCHANGE,
        ARCHIVE
    }

    private final String extension;
    private final String mediaType;
    private final Kind kind;

    Format(String extension, String mediaType, Kind kind) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The publication formats, which {@code --format all} means. */
    public static Set<Format> publication() {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (Format f : values()) {
            if (f.kind == Kind.PUBLICATION) {
                formats.add(f);
            }
        }
        return formats;
    }

    /** The extension of a publication format's file; an interchange format's name. */
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
