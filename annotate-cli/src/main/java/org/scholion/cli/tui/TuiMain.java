package org.scholion.cli.tui;

import org.scholion.cli.TuiCommand;

/** Runs {@code annotate tui} on its own, without the root command: {@code TuiMain FILE [options]}. */
public final class TuiMain {
    private TuiMain() {}

    public static void main(String[] args) {
        System.exit(TuiCommand.standalone().execute(args));
    }
}
