package org.scholion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: Add suggested spans from a pattern or a term list (issue 5). */
@Command(name = "suggest", description = "Add suggested spans from a pattern or a term list (issue 5)", hidden = true)
public final class SuggestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: annotate suggest is not built yet");
        return 1;
    }
}
