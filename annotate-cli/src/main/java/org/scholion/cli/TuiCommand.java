package org.scholion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: Interactive terminal annotator (issue 5). */
@Command(name = "tui", description = "Interactive terminal annotator (issue 5)", hidden = true)
public final class TuiCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: annotate tui is not built yet");
        return 1;
    }
}
