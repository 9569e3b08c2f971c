package org.scholion.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.scholion.core.ScholionException;
import org.scholion.core.corpus.Corpus;
import org.scholion.viewer.Viewer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Serves annotated documents to a browser and follows their files until Ctrl-C. */
@Command(
        name = "view",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        sortOptions = false,
        description = {
            "Show annotated documents in the browser; the page follows the files as they change.",
            "Prints the address, then serves until Ctrl-C.",
            "A folder stands for the *.scholion.json files in it and below it, a quoted glob for the files it matches. Over a folder or glob the first page is an index of the documents (status, counts, a bar of labels), with a search over all their spans and the corpus's statistics; files that appear, change or go show there live, and a file that cannot be read is listed with its problem."
        })
public final class ViewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "Annotation files (*.scholion.json), folders or globs.")
    List<Path> files;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "H",
            description =
                    "Address to listen on (default: ${DEFAULT-VALUE}; anything else is reachable from other machines).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8765",
            paramLabel = "N",
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    /** Released when the viewer should stop; the JVM's Ctrl-C handling stops it in normal use. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host '" + host + "' is not a known address");
        }
        Corpus corpus = Corpus.ofPaths(files);
        if (!corpus.problems().isEmpty()) {
            corpus.problems().forEach(p -> err.println("error: " + p.failure()));
            err.flush();
            return Annotate.FAILED;
        }
        Viewer viewer;
        try {
            List<String> arguments = files.stream().map(Path::toString).toList();
            // a folder or a glob is followed as it changes; files named one by one are the fixed list they were
            viewer = arguments.stream().anyMatch(Corpus::namesMany)
                    ? Viewer.serve(arguments, new InetSocketAddress(address, port))
                    : Viewer.start(corpus.files(), new InetSocketAddress(address, port));
        } catch (ScholionException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        }
        Thread hook = new Thread(viewer::close, "scholion-viewer-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        if (!Viewer.isLoopback(address)) {
            err.println("warning: listening on " + address.getHostAddress() + ": anyone who can reach this machine "
                    + "can read these documents (the viewer has no password)");
        }
        out.println(viewer.uri());
        out.flush();
        if (open) {
            openBrowser(viewer.uri(), err);
        }
        err.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            viewer.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down and runs the hook itself
            }
        }
        return 0;
    }

    private static void openBrowser(URI uri, PrintWriter err) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        List<String> command = os.contains("mac")
                ? List.of("open", uri.toString())
                : os.contains("win")
                        ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
                        : List.of("xdg-open", uri.toString());
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            err.println("warning: cannot open a browser (" + e.getMessage() + "); open " + uri + " yourself");
        }
    }
}
