package org.scholion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Span;
import org.scholion.core.store.AnnotationFile;
import org.scholion.core.store.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate edit}: relabels, moves or annotates one span. */
@Command(
        name = "edit",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = "Change the label, note, offsets, attributes or links of a span.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate edit article.scholion.json s12 --label ORG",
            "  annotate edit article.scholion.json s12 --at 31:48 --note 'full name'",
            "  annotate edit article.scholion.json s12 --note ''      # removes the note",
            "  annotate edit article.scholion.json s12 --attr certainty=low \\",
            "      --link wikidata:Q3052772",
            "  annotate edit article.scholion.json s12 --unset certainty \\",
            "      --unlink wikidata:Q3052772"
        })
final class EditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Parameters(index = "1", paramLabel = "ID", description = "The id of the span.")
    String id;

    @Option(
            names = {"-l", "--label"},
            paramLabel = "L",
            description = "A new label.")
    String label;

    @Option(
            names = {"-n", "--note"},
            paramLabel = "NOTE",
            description = "A new note; '' removes it.")
    String note;

    @Option(
            names = "--at",
            paramLabel = "START:END",
            converter = Range.Converter.class,
            description = "New code-point offsets, [START, END).")
    Range at;

    @Mixin
    SpanDetails details;

    @Option(names = "--unset", paramLabel = "NAME", description = "Remove an attribute; repeatable.")
    List<String> unset = new ArrayList<>();

    @Option(
            names = "--unlink",
            paramLabel = "IRI|PREFIX:ID",
            description = "Remove a link, written as it is listed; repeatable.")
    List<String> unlink = new ArrayList<>();

    @Override
    public Integer call() throws ScholionException {
        if (label == null && note == null && at == null && details.isEmpty() && unset.isEmpty() && unlink.isEmpty()) {
            throw Commands.usage(
                    spec, "say what to change: --label, --note, --at, --attr, --link, --unset or --unlink");
        }
        details.check();
        Span[] changed = new Span[1];
        Snapshot after = AnnotationFile.at(file).update("edit " + id, doc -> {
            Span span = doc.span(id).orElseThrow(() -> new IllegalArgumentException("there is no span '" + id + "'"));
            if (label != null) {
                Commands.label(doc, label);
                span = span.withLabel(label);
            }
            if (note != null) {
                span = span.withNote(note);
            }
            if (at != null) {
                span = span.withRange(at.start(), at.end());
            }
            for (String name : unset) {
                if (!span.attributes().containsKey(name)) {
                    throw new IllegalArgumentException("span " + id + " has no attribute '" + name + "'");
                }
                span = span.withoutAttribute(name);
            }
            for (String link : unlink) {
                if (!span.links().contains(link)) {
                    throw new IllegalArgumentException("span " + id + " has no link '" + link + "'");
                }
                span = span.withoutLink(link);
            }
            span = details.apply(span);
            changed[0] = span;
            return doc.withSpanReplaced(span);
        });
        if (at != null) {
            Commands.warnIfSplitsGrapheme(spec.commandLine().getErr(), file, after.document(), changed[0]);
        }
        return Annotate.OK;
    }
}
