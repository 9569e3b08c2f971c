package org.scholion.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --annotator} option, falling back to {@code SCHOLION_ANNOTATOR} and then the user name. */
final class AnnotatorOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--annotator",
            paramLabel = "NAME",
            description = "Who makes the change (default: $SCHOLION_ANNOTATOR, else the user name).")
    String annotator;

    String resolve() {
        if (annotator != null && !annotator.isBlank()) {
            return annotator.strip();
        }
        // under the root command the environment comes from Annotate (tests replace it); a command run
        // on its own (tui, suggest) reads the process environment
        Object root = mixee.root().userObject();
        String env = root instanceof Annotate annotate
                ? annotate.env("SCHOLION_ANNOTATOR")
                : System.getenv("SCHOLION_ANNOTATOR");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? null : user.strip();
    }
}
