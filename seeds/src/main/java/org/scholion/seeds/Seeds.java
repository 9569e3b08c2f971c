package org.scholion.seeds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.LabelSetFile;

/** The built-in label sets, the seed article and its reference annotation, from the class path. */
public final class Seeds {
    /** Names of the built-in label sets, in the order they are usually shown. */
    public static final List<String> LABEL_SETS = List.of("propaganda", "entities", "sourcing");

    public static final String ARTICLE_ID = "coalition-of-the-willing";

    private static final String ROOT = "/org/scholion/seeds/";

    private Seeds() {}

    /** A built-in label set by name. */
    public static Optional<LabelSet> labelSet(String name) {
        if (!LABEL_SETS.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = open("labelsets/" + name + ".json")) {
            return Optional.of(LabelSetFile.parse(in, "built-in label set " + name));
        } catch (ScholionException e) {
            throw new IllegalStateException("the built-in label set is broken: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A built-in label set if {@code nameOrFile} names one, else the label-set JSON file at that path.
     *
     * @throws ScholionException if it is neither, or the file is not a valid label set
     */
    public static LabelSet labelSetOrFile(String nameOrFile) throws ScholionException {
        Optional<LabelSet> builtIn = labelSet(nameOrFile);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path path = Path.of(nameOrFile);
        if (!Files.exists(path)) {
            throw new ScholionException(
                    nameOrFile,
                    "is neither a built-in label set (" + String.join(", ", LABEL_SETS) + ") nor a label-set file");
        }
        return LabelSetFile.read(path);
    }

    /** All built-in label sets. */
    public static List<LabelSet> labelSets() {
        return LABEL_SETS.stream().map(n -> labelSet(n).orElseThrow()).toList();
    }

    /** The seed article's text, exactly as published. */
    public static String articleText() {
        try (InputStream in = open(ARTICLE_ID + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hand-made reference annotation of the seed article. */
    public static AnnotatedDocument referenceAnnotation() {
        try (InputStream in = open(ARTICLE_ID + ".scholion.json")) {
            return AnnotationFile.parse(in, ARTICLE_ID + ".scholion.json").document();
        } catch (ScholionException e) {
            throw new IllegalStateException("the reference annotation is broken: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = Seeds.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalStateException("seed resource " + name + " is missing from the class path");
        }
        return in;
    }
}
