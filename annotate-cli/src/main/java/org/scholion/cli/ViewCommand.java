package org.scholion.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: Start the web viewer (issue 8). */
@Command(name = "view", description = "Start the web viewer (issue 8)", hidden = true)
public final class ViewCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("error: annotate view is not built yet");
        return 1;
    }
}
