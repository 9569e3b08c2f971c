package org.scholion.export.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.scholion.export.Format;
import org.scholion.export.brat.BratReader;
import org.scholion.export.brat.BratWriter;
import org.scholion.export.conll.ConllOptions;
import org.scholion.export.conll.ConllReader;
import org.scholion.export.conll.ConllWriter;
import org.scholion.export.doccano.DoccanoReader;
import org.scholion.export.doccano.DoccanoWriter;
import org.scholion.export.labelstudio.LabelStudioReader;
import org.scholion.export.labelstudio.LabelStudioWriter;
import org.scholion.export.prodigy.ProdigyReader;
import org.scholion.export.prodigy.ProdigyWriter;
import org.scholion.export.ptc.PtcReader;
import org.scholion.export.ptc.PtcWriter;
import org.scholion.export.webanno.WebAnnoOptions;
import org.scholion.export.webanno.WebAnnoReader;
import org.scholion.export.webanno.WebAnnoWriter;

/**
 * The registry of interchange formats: the reader and writer of each, and the format of a file
 * judged from its name and first bytes.
 */
public final class Interchange {
    /** A PTC labels file: {@code article<ID>.labels.tsv}, {@code article<ID>.task-flc-tc.labels}, {@code train-task2-TC.labels}... */
    private static final Pattern PTC_LABELS = Pattern.compile("(?i).*(\\.labels\\.tsv|\\.labels)");

    private static final Pattern PTC_ARTICLE = Pattern.compile("article[^.]+\\.txt");

    private Interchange() {}

    /** The reader of an interchange format. */
    public static DocumentReader reader(Format format) {
        return switch (format) {
            case CONLL -> new ConllReader(ConllOptions.DEFAULT);
            case WEBANNO -> new WebAnnoReader(WebAnnoOptions.DEFAULT);
            case BRAT -> new BratReader();
            case PTC -> new PtcReader();
            case DOCCANO -> new DoccanoReader();
            case LABELSTUDIO -> new LabelStudioReader();
            case PRODIGY -> new ProdigyReader();
            default -> throw unsupported(format);
        };
    }

    /** The writer of an interchange format. */
    public static DocumentWriter writer(Format format) {
        return switch (format) {
            case CONLL -> new ConllWriter(ConllOptions.DEFAULT);
            case WEBANNO -> new WebAnnoWriter(WebAnnoOptions.DEFAULT);
            case BRAT -> new BratWriter();
            case PTC -> new PtcWriter();
            case DOCCANO -> new DoccanoWriter();
            case LABELSTUDIO -> new LabelStudioWriter();
            case PRODIGY -> new ProdigyWriter();
            default -> throw unsupported(format);
        };
    }

    /**
     * The interchange format of {@code file} when its name and content say it unambiguously
     * (JSON-LD included, as {@link Format#JSONLD}); empty when they do not.
     */
    public static Optional<Format> detect(Path file) {
        if (file.getFileName() == null) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ann")) {
            return Optional.of(Format.BRAT);
        }
        if (lower.endsWith(".txt")
                && Files.isRegularFile(file.resolveSibling(name.substring(0, name.length() - 4) + ".ann"))) {
            return Optional.of(Format.BRAT);
        }
        if (PTC_ARTICLE.matcher(name).matches() || PTC_LABELS.matcher(name).matches()) {
            return Optional.of(Format.PTC);
        }
        if (WebAnnoReader.detect(file)) {
            return Optional.of(Format.WEBANNO);
        }
        if (ConllReader.detect(file)) {
            return Optional.of(Format.CONLL);
        }
        if (lower.endsWith(".jsonld")) {
            return Optional.of(Format.JSONLD);
        }
        if (lower.endsWith(".json") && head(file).contains("http://www.w3.org/ns/anno.jsonld")) {
            return Optional.of(Format.JSONLD);
        }
        if (DoccanoReader.detect(file)) {
            return Optional.of(Format.DOCCANO);
        }
        if (LabelStudioReader.detect(file)) {
            return Optional.of(Format.LABELSTUDIO);
        }
        if (ProdigyReader.detect(file)) {
            return Optional.of(Format.PRODIGY);
        }
        return Optional.empty();
    }

    /** The first few kilobytes of a file as text (lenient: only for judging what the file is). */
    static String head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static IllegalArgumentException unsupported(Format format) {
        return new IllegalArgumentException("format " + format.extension() + " cannot be read or written yet");
    }
}
