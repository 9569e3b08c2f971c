package org.scholion.export.ptc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the parts of a PTC article are. The corpus keeps texts and labels in separate folders
 * ({@code train-articles/article<ID>.txt}, {@code train-labels-task-flc-tc/article<ID>.task-flc-tc.labels}),
 * and names its labels files differently in each release, so the other part of a pair is looked
 * for beside a file, then in the folders beside its folder, then in the folders inside it.
 */
final class PtcFiles {
    /** The labels files of a PTC article, in the order they are preferred (technique labels before span-only ones). */
    static final List<String> LABEL_SUFFIXES = List.of(
            ".labels.tsv",
            ".task-flc-tc.labels",
            ".task2-TC.labels",
            ".task-FLC.labels",
            ".task-si.labels",
            ".task1-SI.labels");

    static final Pattern ARTICLE_TEXT = Pattern.compile("article([^.]+)\\.txt");
    private static final Pattern ARTICLE_LABELS = Pattern.compile("article([^.]+)\\..*labels.*");

    private PtcFiles() {}

    /** The article id of {@code article<ID>.txt} or of an article's labels file; empty for other names. */
    static Optional<String> articleId(Path file) {
        String name = file.getFileName().toString();
        Matcher m = ARTICLE_TEXT.matcher(name);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        m = ARTICLE_LABELS.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static boolean isText(Path file) {
        return ARTICLE_TEXT.matcher(file.getFileName().toString()).matches();
    }

    static Optional<Path> text(Path near, String id) {
        return find(near, List.of("article" + id + ".txt"));
    }

    static Optional<Path> labels(Path near, String id) {
        List<String> names = new ArrayList<>();
        LABEL_SUFFIXES.forEach(s -> names.add("article" + id + s));
        return find(near, names);
    }

    /** The first of {@code names} beside {@code near}, in a folder beside its folder, or in a folder inside it. */
    private static Optional<Path> find(Path near, List<String> names) {
        Path folder = near.toAbsolutePath().getParent();
        List<Path> folders = new ArrayList<>();
        folders.add(folder);
        if (folder.getParent() != null) {
            folders.addAll(subfolders(folder.getParent()));
        }
        folders.addAll(subfolders(folder));
        for (Path f : folders) {
            for (String name : names) {
                Path candidate = f.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(near.isAbsolute() ? candidate : relative(candidate));
                }
            }
        }
        return Optional.empty();
    }

    private static Path relative(Path absolute) {
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute) : absolute;
    }

    private static List<Path> subfolders(Path folder) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            entries.forEach(found::add);
        } catch (IOException e) {
            return found;
        }
        found.sort(null);
        return found;
    }
}
