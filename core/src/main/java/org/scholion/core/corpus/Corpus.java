package org.scholion.core.corpus;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;

/**
 * A corpus: the annotation files named by a list of files, folders (searched recursively for
 * {@code *.scholion.json}) and globs, in a stable order (sorted paths, each file once). Documents
 * are read on demand, one at a time ({@link #stream()}, {@link #forEach}) or on several threads
 * with a bounded number in flight ({@link #parallel}); the corpus never holds them all. A file
 * that cannot be read is reported with the reader's one-line message and the others go on.
 *
 * <p>Folders and globs select only files whose name ends in {@code .scholion.json} and skip hidden
 * files and folders (a name starting with a dot: lock files, temporary files, {@code .git});
 * a file named directly is taken whatever its name. Symbolic links to folders are not followed.
 */
public final class Corpus {
    /** The name every annotation file ends with. */
    public static final String SUFFIX = ".scholion.json";

    private final List<Path> files;
    private final List<Entry> problems;

    private Corpus(List<Path> files, List<Entry> problems) {
        this.files = List.copyOf(files);
        this.problems = List.copyOf(problems);
    }

    /** The corpus named by these arguments: files, folders and globs ({@code data/**}{@code /*.scholion.json}). */
    public static Corpus of(Collection<String> arguments) {
        List<Path> found = new ArrayList<>();
        List<Entry> problems = new ArrayList<>();
        for (String argument : arguments) {
            collect(argument, found, problems);
        }
        Set<Path> seen = new HashSet<>();
        List<Path> unique = new ArrayList<>();
        found.stream().map(Path::normalize).sorted().forEach(p -> {
            if (seen.add(p.toAbsolutePath().normalize())) {
                unique.add(p);
            }
        });
        return new Corpus(unique, problems);
    }

    /** Exactly these annotation files, in this order, each read as it comes (even one given twice). */
    public static Corpus listed(List<Path> annotationFiles) {
        return new Corpus(annotationFiles, List.of());
    }

    /** The corpus named by these paths, each a file, a folder or a glob. */
    public static Corpus ofPaths(Collection<Path> paths) {
        return of(paths.stream().map(Path::toString).toList());
    }

    /** Whether an argument names a folder or a glob (many files) rather than one file. */
    public static boolean namesMany(String argument) {
        return Files.isDirectory(Path.of(argument)) || (isGlob(argument) && !Files.exists(Path.of(argument)));
    }

    /** The annotation files, sorted, each once. */
    public List<Path> files() {
        return files;
    }

    /**
     * Arguments that named nothing to read, as failed entries: a missing file, a glob matching no
     * annotation file, a folder without any or one that cannot be listed; each message names the argument.
     */
    public List<Entry> problems() {
        return problems;
    }

    /** How many files there are to read. */
    public int size() {
        return files.size();
    }

    /** Each file read in turn, lazily: the problems of {@link #problems()} first, as failed entries. */
    public Stream<Entry> stream() {
        return Stream.concat(problems.stream(), files.stream().map(Corpus::read));
    }

    /** Reads each file in turn and hands it to {@code action}; only one document is in memory at a time. */
    public void forEach(Consumer<Entry> action) {
        stream().forEach(action);
    }

    /** Work done on one document, in a thread of {@link #parallel}. */
    @FunctionalInterface
    public interface Work<R> {
        R apply(Path path, AnnotatedDocument document) throws Exception;
    }

    /**
     * Reads each file and applies {@code work} to it on {@code threads} threads, and hands the
     * outcomes to {@code inOrder} on the calling thread in the corpus's order. At most twice as many
     * documents as threads are read ahead, so memory does not grow with the corpus. A file that
     * cannot be read, or whose work throws, gives a failed outcome (the reader's message, or the
     * file and the exception's message); an {@link Error} or a failure of {@code inOrder} stops all.
     *
     * @param threads how many threads (1 runs everything on the calling thread)
     */
    public <R> void parallel(int threads, Work<R> work, Consumer<Outcome<R>> inOrder) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        problems.forEach(p -> inOrder.accept(new Outcome<>(p.path(), null, p.failure())));
        if (threads == 1 || files.size() < 2) {
            files.forEach(f -> inOrder.accept(apply(f, work)));
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "scholion-corpus-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Outcome<R>>> pending = new ArrayDeque<>();
        try {
            for (Path file : files) {
                pending.add(pool.submit(() -> apply(file, work)));
                if (pending.size() >= 2 * threads) {
                    inOrder.accept(take(pending.removeFirst()));
                }
            }
            while (!pending.isEmpty()) {
                inOrder.accept(take(pending.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many threads corpus work uses by default: one per core. */
    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static <R> Outcome<R> take(Future<Outcome<R>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the corpus", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static <R> Outcome<R> apply(Path file, Work<R> work) {
        Entry entry = read(file);
        if (!entry.ok()) {
            return new Outcome<>(file, null, entry.failure());
        }
        try {
            return new Outcome<>(file, work.apply(file, entry.document()), null);
        } catch (ScholionException e) {
            return new Outcome<>(file, null, e.getMessage());
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome<>(
                    file, null, file + ": " + why.lines().findFirst().orElse(""));
        }
    }

    /** Reads one file; any failure, even one the reader did not foresee, becomes the entry's failure. */
    static Entry read(Path file) {
        try {
            return new Entry(file, AnnotationFile.at(file).read(), null);
        } catch (ScholionException e) {
            return new Entry(file, null, e.getMessage());
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Entry(
                    file,
                    null,
                    file + ": cannot read: " + why.lines().findFirst().orElse(""));
        }
    }

    private static boolean isGlob(String argument) {
        return argument.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    private static void collect(String argument, List<Path> found, List<Entry> problems) {
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            int before = found.size();
            walk(path, path, null, Integer.MAX_VALUE, found, problems);
            if (found.size() == before) {
                problems.add(problem(argument, argument + ": holds no " + SUFFIX + " file"));
            }
        } else if (Files.exists(path)) {
            found.add(path);
        } else if (isGlob(argument)) {
            glob(argument, found, problems);
        } else {
            problems.add(problem(argument, argument + ": no such file"));
        }
    }

    /**
     * Expands a glob: the leading folders without wildcards are where the search starts, the rest
     * is matched against paths below it; {@code **}{@code /} also matches no folder at all, as in shells.
     */
    private static void glob(String argument, List<Path> found, List<Entry> problems) {
        String separator = FileSystems.getDefault().getSeparator();
        String[] parts = argument.split(java.util.regex.Pattern.quote(separator), -1);
        int literal = 0;
        while (literal < parts.length - 1 && !isGlob(parts[literal])) {
            literal++;
        }
        String baseText = String.join(separator, java.util.Arrays.copyOfRange(parts, 0, literal));
        Path base = literal == 0 ? Path.of("") : Path.of(baseText.isEmpty() ? separator : baseText);
        String pattern = String.join("/", java.util.Arrays.copyOfRange(parts, literal, parts.length));
        List<PathMatcher> matchers = new ArrayList<>();
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        if (pattern.contains("**/")) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", "")));
        }
        int depth = pattern.contains("**") ? Integer.MAX_VALUE : parts.length - literal;
        int before = found.size();
        if (Files.isDirectory(base)) {
            walk(base, base, matchers, depth, found, problems);
        }
        if (found.size() == before) {
            problems.add(problem(argument, argument + ": matches no " + SUFFIX + " file"));
        }
    }

    /**
     * Adds the annotation files below {@code root} (those {@code matchers} accept, relative to
     * {@code base}, when there are matchers; a matching folder adds all its annotation files).
     */
    private static void walk(
            Path base, Path root, List<PathMatcher> matchers, int depth, List<Path> found, List<Entry> problems) {
        try {
            Files.walkFileTree(root, Set.of(), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && hidden(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (matchers != null && !dir.equals(root) && matches(matchers, base.relativize(dir))) {
                        walk(dir, dir, null, Integer.MAX_VALUE, found, problems);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isDirectory()) { // a folder at the deepest level a glob reaches
                        return preVisitDirectory(file, attrs);
                    }
                    String name = file.getFileName().toString();
                    boolean wanted = !hidden(file) && name.endsWith(SUFFIX) && Files.isRegularFile(file);
                    if (wanted && (matchers == null || matches(matchers, base.relativize(file)))) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add(problem(file, file + ": cannot list: " + reason(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(problem(root, root + ": cannot list: " + reason(e)));
        }
    }

    private static Entry problem(Object where, String message) {
        return new Entry(Path.of(where.toString()), null, message);
    }

    private static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null
                && name.toString().startsWith(".")
                && !name.toString().equals(".")
                && !name.toString().equals("..");
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public String toString() {
        return "Corpus[" + files.size() + " files, " + problems.size() + " problems]";
    }
}
