package org.scholion.cli;

import java.util.ArrayList;
import java.util.List;
import org.scholion.core.model.Span;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options that set and remove a span's attributes and links: {@code --attr}, {@code --link}, and for edits {@code --unset}, {@code --unlink}. */
final class SpanDetails {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--attr",
            paramLabel = "NAME=VALUE",
            description = "Set an attribute (the value is everything after the first '='); repeatable.")
    List<String> attributes = new ArrayList<>();

    @Option(
            names = "--link",
            paramLabel = "IRI|PREFIX:ID",
            description =
                    "Link to an IRI (http, https or urn) or to PREFIX:ID with a prefix a label set declares, e.g. wikidata:Q3052772; repeatable.")
    List<String> links = new ArrayList<>();

    boolean isEmpty() {
        return attributes.isEmpty() && links.isEmpty();
    }

    /** Checks the form of every {@code --attr} before the file is touched. */
    void check() {
        for (String attribute : attributes) {
            if (attribute.indexOf('=') <= 0) {
                throw Commands.usage(mixee, "--attr takes NAME=VALUE, not '%s'", Escapes.visible(attribute, false));
            }
        }
    }

    Span apply(Span span) {
        Span result = span;
        for (String attribute : attributes) {
            int eq = attribute.indexOf('=');
            result = result.withAttribute(attribute.substring(0, eq), attribute.substring(eq + 1));
        }
        for (String link : links) {
            result = result.withLink(link);
        }
        return result;
    }
}
