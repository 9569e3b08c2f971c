package org.scholion.cli;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.scholion.core.ScholionException;

/**
 * A hidden folder inside the output folder where a conversion writes first, so that nothing
 * reaches the output until the conversion is complete and allowed ({@code --strict}): then each
 * file is renamed into place (the same file system, so each rename is atomic). Closing removes
 * what was not committed, and the output folder too when this made it and it stayed empty.
 */
final class Staging implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final boolean madeTarget;

    private Staging(Path target, Path temp, boolean madeTarget) {
        this.target = target;
        this.temp = temp;
        this.madeTarget = madeTarget;
    }

    static Staging in(Path target) throws ScholionException {
        boolean made = !Files.exists(target);
        try {
            Files.createDirectories(target);
            return new Staging(target, Files.createTempDirectory(target, ".annotate-"), made);
        } catch (IOException e) {
            throw new ScholionException(target.toString(), "cannot write here: " + e.getMessage(), e);
        }
    }

    /** The folder to write into. */
    Path folder() {
        return temp;
    }

    /** Where a file written at {@code staged} (under {@link #folder}) goes: the same place under the output folder. */
    Path destination(Path staged) {
        return target.resolve(temp.relativize(staged));
    }

    /**
     * Moves {@code staged} files to their {@link #destination}, replacing what is there.
     *
     * @return the destinations, in the order given
     */
    List<Path> commit(List<Path> staged) throws ScholionException {
        List<Path> done = new ArrayList<>();
        for (Path file : staged) {
            Path to = destination(file);
            try {
                Files.createDirectories(to.toAbsolutePath().getParent());
                Files.move(file, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new ScholionException(to.toString(), "cannot write: " + e.getMessage(), e);
            }
            done.add(to);
        }
        return done;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(temp, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
            if (madeTarget) {
                Files.deleteIfExists(target);
            }
        } catch (DirectoryNotEmptyException e) {
            // the output folder has what was committed
        } catch (IOException e) {
            // a leftover hidden folder is untidy, not wrong: the output is complete or untouched
        }
    }
}
