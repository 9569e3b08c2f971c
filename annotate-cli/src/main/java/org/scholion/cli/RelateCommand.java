package org.scholion.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Relation;
import org.scholion.core.store.AnnotationFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annotate relate}: links two spans with a typed, directed relation. */
@Command(
        name = "relate",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {"Link two spans with a typed, directed relation.", "Prints the new relation's id."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  annotate relate article.scholion.json s7 said-by s1",
            "  annotate rm article.scholion.json r3       # removes a relation"
        })
final class RelateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The annotation file.")
    Path file;

    @Parameters(index = "1", paramLabel = "FROM_ID", description = "The span the relation starts at.")
    String from;

    @Parameters(index = "2", paramLabel = "TYPE", description = "What the link means, e.g. said-by.")
    String type;

    @Parameters(index = "3", paramLabel = "TO_ID", description = "The span it points to.")
    String to;

    @Override
    public Integer call() throws ScholionException {
        String[] id = new String[1];
        AnnotationFile.at(file).update("relate " + from + " " + type + " " + to, doc -> {
            for (String span : new String[] {from, to}) {
                if (doc.span(span).isEmpty()) {
                    throw new IllegalArgumentException("there is no span '" + span + "'");
                }
            }
            id[0] = doc.nextRelationId();
            return doc.withRelation(new Relation(id[0], type, from, to));
        });
        spec.commandLine().getOut().println(id[0]);
        spec.commandLine().getOut().flush();
        return Annotate.OK;
    }
}
