package org.scholion.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate rm}: removes spans (with the relations that touch them) or relations. */
@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {"Remove spans or relations.", "Removing a span removes the relations that touch it."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate rm article.scholion.json s12",
            "  annotate rm article.scholion.json s3 s4 r2",
            "",
            "Nothing is removed unless every id exists. Undo with 'annotate undo FILE'."
        })
final class RmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "ID", description = "Ids of spans or relations.")
    List<String> ids;

    @Override
    public Integer call() throws ScholionException {
        Set<String> wanted = new LinkedHashSet<>(ids);
        AnnotationFile.at(file).update("rm " + String.join(" ", wanted), doc -> {
            List<String> spans = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            for (String id : wanted) {
                if (doc.span(id).isPresent()) {
                    spans.add(id);
                } else if (doc.relation(id).isPresent()) {
                    relations.add(id);
                } else {
                    throw new IllegalArgumentException("there is no span or relation '" + id + "'");
                }
            }
            AnnotatedDocument result = doc;
            if (!relations.isEmpty()) {
                result = result.withoutRelations(relations);
            }
            return spans.isEmpty() ? result : result.withoutSpans(spans);
        });
        return Annotate.OK;
    }
}
