package org.scholion.benchmarks;

import static org.scholion.benchmarks.Numbers.mb;
import static org.scholion.benchmarks.Numbers.median;
import static org.scholion.benchmarks.Numbers.parseLong;
import static org.scholion.benchmarks.Numbers.secs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the raw figures of one run of {@code benchmarks/run.sh} into {@code results.md} and
 * {@code benchmarks.svg}. Every ratio compares figures of the same run.
 */
public final class Report {
    static final List<String> FORMATS = List.of("CSV", "JSONLD", "HTML", "DOCX", "PDF");
    static final double TARGET_SPANS_PER_SECOND = 500_000;

    private final Path raw;
    private final StringBuilder md = new StringBuilder();
    final Map<String, Workload> workloads = new LinkedHashMap<>();
    private final Map<String, String> formatStatus = new LinkedHashMap<>();
    private final List<JmhResult> jmh = new ArrayList<>();
    private final Map<String, String[]> heap = new LinkedHashMap<>();
    private final Map<String, String> jmhFailures = new LinkedHashMap<>();
    /** JMH runs stopped at their time limit: run name (export-L-DOCX, core ...) to seconds. */
    private final Map<String, String> limits = new LinkedHashMap<>();

    private final List<String[]> whole;
    private final List<String[]> viewer;
    private final Map<String, String> viewerLimits = new LinkedHashMap<>();
    private final List<String[]> load;
    private final List<String[]> many;
    private final List<String> targets = new ArrayList<>();

    record Workload(String name, long codePoints, long bytes, long spans, long relations) {}

    record JmhResult(String benchmark, String workload, String format, double msPerOp, double error) {}

    private Report(Path raw) throws IOException {
        this.raw = raw;
        for (String[] row : tsv("workloads.tsv")) {
            if (!row[0].equals("workload")) {
                workloads.put(
                        row[0],
                        new Workload(
                                row[0], parseLong(row[2]), parseLong(row[3]), parseLong(row[4]), parseLong(row[5])));
            }
        }
        for (String[] row : tsv("formats.tsv")) {
            formatStatus.put(row[0], row.length > 2 ? row[2] : "?");
        }
        try (var files = Files.newDirectoryStream(raw, "jmh-*.json")) {
            for (Path file : files) {
                readJmh(file.getFileName().toString());
            }
        }
        for (String[] row : tsv("jmh-limits.tsv")) {
            limits.put(row[0], row[1]);
        }
        for (String[] row : tsv("heap.tsv")) {
            heap.put(row[0] + "/" + row[1] + "/" + row[2], row);
        }
        try (var files = Files.newDirectoryStream(raw, "jmh-*.log")) {
            for (Path file : files) {
                readJmhFailures(file.getFileName().toString());
            }
        }
        whole = tsv("whole.tsv");
        viewer = tsv("viewer.tsv");
        for (String[] row : tsv("viewer-limits.tsv")) {
            viewerLimits.put(row[0], row[1]);
        }
        load = tsv("load.tsv");
        many = tsv("many.tsv");
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Report RAW_FOLDER OUTPUT_FOLDER");
            System.exit(2);
        }
        Report report = new Report(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), report.markdown(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("benchmarks.svg"), new Plot(report).svg(), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.resolve("results.md") + " and " + out.resolve("benchmarks.svg"));
    }

    // ---------------------------------------------------------------- reading

    private List<String[]> tsv(String name) throws IOException {
        Path file = raw.resolve(name);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    private void readJmh(String name) throws IOException {
        Path file = raw.resolve(name);
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        for (JsonNode result : new ObjectMapper().readTree(file.toFile())) {
            String benchmark = result.path("benchmark").asText();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            JsonNode params = result.path("params");
            JsonNode metric = result.path("primaryMetric");
            jmh.add(new JmhResult(
                    benchmark,
                    params.path("workload").asText(),
                    params.path("format").asText(""),
                    metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble(Double.NaN)));
        }
    }

    /** Benchmarks that failed (an exception or an out-of-memory error in the fork), by benchmark/workload/format. */
    private void readJmhFailures(String name) throws IOException {
        Path file = raw.resolve(name);
        if (!Files.exists(file)) {
            return;
        }
        String log = Files.readString(file, StandardCharsets.UTF_8);
        for (String block : log.split("# Benchmark: ")) {
            if (!block.contains("<failure>") && !block.contains("OutOfMemoryError")) {
                continue;
            }
            String benchmark = block.substring(0, block.indexOf('\n')).strip();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String workload = param(block, "workload");
            String format = param(block, "format");
            String why = block.contains("OutOfMemoryError") ? "out of memory at -Xmx512m" : firstFailureLine(block);
            jmhFailures.put(benchmark + "/" + workload + "/" + format, why);
        }
    }

    private static String param(String block, String name) {
        int at = block.indexOf(name + " = ");
        if (at < 0) {
            return "";
        }
        int end = at + name.length() + 3;
        while (end < block.length() && Character.isLetterOrDigit(block.charAt(end))) {
            end++;
        }
        return block.substring(at + name.length() + 3, end);
    }

    private static String firstFailureLine(String block) {
        int at = block.indexOf("<failure>");
        String rest = block.substring(at + "<failure>".length()).strip();
        String line = rest.lines().filter(l -> !l.isBlank()).findFirst().orElse("failed");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    Optional<JmhResult> result(String benchmark, String workload, String format) {
        return jmh.stream()
                .filter(r -> r.benchmark().equals(benchmark)
                        && r.workload().equals(workload)
                        && r.format().equals(format))
                .findFirst();
    }

    List<Double> seconds(String group, String name) {
        List<Double> values = new ArrayList<>();
        for (String[] row : whole) {
            if (row[0].equals(group) && row[1].equals(name) && row[5].equals("0")) {
                values.add(Double.parseDouble(row[3]));
            }
        }
        return values;
    }

    private int failedRuns(String group, String name) {
        int failed = 0;
        for (String[] row : whole) {
            if (row[0].equals(group) && row[1].equals(name) && !row[5].equals("0") && !row[5].equals("124")) {
                failed++;
            }
        }
        return failed;
    }

    /** The seconds after which runs of this command were stopped at their limit (exit 124), if any were. */
    Optional<Double> stoppedAt(String group, String name) {
        return whole.stream()
                .filter(r -> r[0].equals(group) && r[1].equals(name) && r[5].equals("124"))
                .map(r -> Double.parseDouble(r[3]))
                .min(Double::compare);
    }

    private List<Double> rssMiB(String group, String name) {
        List<Double> values = new ArrayList<>();
        for (String[] row : whole) {
            if (row[0].equals(group) && row[1].equals(name) && row[5].equals("0") && !row[4].isBlank()) {
                values.add(parseLong(row[4]) / 1024.0);
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- markdown

    String markdown() throws IOException {
        md.append("# Scholion benchmark results\n\n");
        md.append("Written by `benchmarks/run.sh`; every ratio compares figures measured in this same run.\n\n");
        Path machine = raw.resolve("machine.txt");
        if (Files.exists(machine)) {
            md.append("## Machine\n\n```\n")
                    .append(Files.readString(machine, StandardCharsets.UTF_8).strip())
                    .append("\n```\n\n");
        }
        workloadTable();
        String startup = startup();
        String exports = exports();
        String core = coreTable();
        String wholeProcess = wholeProcess();
        String viewerPart = viewerPart();
        md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        targets.forEach(md::append);
        md.append('\n');
        md.append(startup).append(exports).append(core).append(wholeProcess).append(viewerPart);
        return md.toString();
    }

    private void workloadTable() {
        md.append(
                "## Workloads\n\n| workload | code points | UTF-8 text | spans | relations |\n|---|---:|---:|---:|---:|\n");
        for (Workload w : workloads.values()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %,d | %,d |%n",
                    w.name(),
                    w.codePoints() < 0 ? "-" : String.format(Locale.ROOT, "%,d", w.codePoints()),
                    mb(w.bytes()),
                    w.spans(),
                    w.relations()));
        }
        md.append("\nS is the seed article with its reference annotation. M, L and each of the 1,000 Many documents "
                + "are paragraphs of the seed's sentences in a seeded random order (every 40th sentence with a Greek, "
                + "Cyrillic, French or German aside, every 300th starting with a non-BMP emoji), with spans on word "
                + "boundaries: 70% placed at random with the seed's span lengths, 20% nested inside an earlier span, "
                + "10% crossing one; labels and notes drawn from the reference annotation (30% have a note); a relation "
                + "for every fourth span.\n\n");
        if (!formatStatus.isEmpty()) {
            md.append("Exporters in this build: ");
            List<String> parts = new ArrayList<>();
            formatStatus.forEach((f, s) -> parts.add(f + " " + (s.equals("ok") ? "✓" : "— " + s)));
            md.append(String.join("; ", parts)).append(".\n\n");
        }
    }

    private String startup() {
        StringBuilder s = new StringBuilder("## CLI start-up (whole process)\n\n");
        List<Double> java = seconds("startup", "java -version");
        List<Double> ls = seconds("startup", "annotate ls S");
        s.append("| command | runs | median | min | max | peak RSS (median) |\n|---|---:|---:|---:|---:|---:|\n");
        s.append(wholeRow("startup", "java -version"));
        s.append(wholeRow("startup", "annotate ls S"));
        if (!java.isEmpty() && !ls.isEmpty()) {
            double ratio = median(ls) / median(java);
            s.append(String.format(
                    Locale.ROOT,
                    "%n`annotate ls S` takes **%.1f×** the time of `java -version` "
                            + "(medians, run alternately).%n%n",
                    ratio));
            targets.add(String.format(
                    Locale.ROOT,
                    "| `annotate ls S` start-up vs `java -version` (issue 4: report) | "
                            + "%.0f ms vs %.0f ms = %.1f× | reported |%n",
                    median(ls) * 1000,
                    median(java) * 1000,
                    ratio));
        } else {
            s.append("\nNot measured: ")
                    .append(ls.isEmpty() ? "`./annotate ls` did not run (see raw/run.log)" : "")
                    .append(".\n\n");
            targets.add("| `annotate ls S` start-up vs `java -version` | not measured | — |\n");
        }
        return s.toString();
    }

    private String wholeRow(String group, String name) {
        List<Double> values = seconds(group, name);
        int failed = failedRuns(group, name);
        Optional<Double> stopped = stoppedAt(group, name);
        if (values.isEmpty()) {
            return "| " + name + " | 0 | "
                    + (stopped.isPresent()
                            ? String.format(Locale.ROOT, "**> %.0f s** (stopped at the limit)", stopped.get())
                            : failed > 0 ? "failed (" + failed + " runs)" : "not run")
                    + " | | | |\n";
        }
        List<Double> rss = rssMiB(group, name);
        return String.format(
                Locale.ROOT,
                "| %s | %d%s | %s | %s | %s | %s |%n",
                name,
                values.size(),
                failed > 0 ? " (+" + failed + " failed)" : "",
                secs(median(values)),
                secs(values.stream().mapToDouble(d -> d).min().orElse(0)),
                secs(values.stream().mapToDouble(d -> d).max().orElse(0)),
                rss.isEmpty() ? "" : String.format(Locale.ROOT, "%.0f MiB", median(rss)));
    }

    private String exports() {
        StringBuilder s = new StringBuilder("## Export throughput (JMH, in process, one core)\n\n");
        s.append("One export into a stream that only counts bytes, average time per export; the JMH JVM is pinned "
                + "to one CPU (`taskset -c 1`, so JIT and GC share that core too), each fork has `-Xmx512m` and G1. "
                + "MB/s is the document's UTF-8 text per second. Heap: after a full GC with the document loaded "
                + "(baseline), the largest heap in use right after any collection during the run, and the sum of "
                + "the heap pools' peaks (an upper bound).\n\n");
        s.append("| workload | format | time per export | spans/s | text MB/s | output | heap baseline | max after GC "
                + "| sum of pool peaks |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        boolean lAllFit = true;
        boolean lAny = false;
        List<String> lProblems = new ArrayList<>();
        for (String workload : Workloads.SIZES) {
            Workload w = workloads.get(workload);
            for (String format : FORMATS) {
                Optional<JmhResult> r = result("ExportBenchmark.export", workload, format);
                String failure = jmhFailures.get("ExportBenchmark.export/" + workload + "/" + format);
                String limit = limits.get("export-" + (workload.equals("L") ? "L" : "SM") + "-" + format);
                if (failure == null && limit != null) {
                    failure = "did not finish within the limit of " + limit + " s (JMH run stopped)";
                }
                String status = formatStatus.getOrDefault(format, "ok");
                if (r.isEmpty()) {
                    String why = failure != null
                            ? "**failed: " + failure + "**"
                            : !status.equals("ok") ? "not available (" + status + ")" : "not measured";
                    s.append("| ")
                            .append(workload)
                            .append(" | ")
                            .append(format)
                            .append(" | ")
                            .append(why)
                            .append(" | | | | | | |\n");
                    if (workload.equals("L") && (failure != null || status.equals("ok"))) {
                        lAllFit = false;
                        lProblems.add(format + ": " + (failure != null ? failure : "not measured"));
                    } else if (workload.equals("L")) {
                        lProblems.add(format + ": not available");
                    }
                    continue;
                }
                JmhResult x = r.get();
                double seconds = x.msPerOp() / 1000;
                String[] h = heap.get("export/" + workload + "/" + format);
                s.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s ± %s | %,.0f | %.1f | %s | %s | %s | %s |%n",
                        workload,
                        format,
                        secs(seconds),
                        secs(x.error() / 1000),
                        w == null ? 0 : w.spans() / seconds,
                        w == null ? 0 : w.bytes() / 1e6 / seconds,
                        h == null ? "" : mb(parseLong(h[8])),
                        h == null ? "" : h[3] + " MiB",
                        h == null ? "" : h[4] + " MiB",
                        h == null ? "" : h[5] + " MiB"));
                if (workload.equals("L")) {
                    lAny = true;
                }
            }
        }
        for (String format : List.of("CSV", "JSONLD")) {
            for (String workload : List.of("M", "L")) {
                Optional<JmhResult> r = result("ExportBenchmark.export", workload, format);
                Workload w = workloads.get(workload);
                if (r.isPresent() && w != null) {
                    double rate = w.spans() / (r.get().msPerOp() / 1000);
                    targets.add(String.format(
                            Locale.ROOT,
                            "| %s ≥ 500,000 spans/s on one core (%s) | %,.0f spans/s | %s |%n",
                            format,
                            workload,
                            rate,
                            rate >= TARGET_SPANS_PER_SECOND ? "yes" : "**no**"));
                } else {
                    targets.add(String.format(
                            Locale.ROOT,
                            "| %s ≥ 500,000 spans/s on one core (%s) | %s | — |%n",
                            format,
                            workload,
                            formatStatus.getOrDefault(format, "ok").equals("ok")
                                    ? "not measured"
                                    : "exporter not available"));
                }
            }
        }
        targets.add(String.format(
                Locale.ROOT,
                "| L exported in every format within a 512 MB heap | %s | %s |%n",
                lProblems.isEmpty() ? "all five formats completed at -Xmx512m" : String.join("; ", lProblems),
                !lAny
                        ? "—"
                        : lAllFit && lProblems.isEmpty()
                                ? "yes"
                                : lAllFit ? "partly (not all formats built)" : "**no**"));
        s.append('\n').append(growthHeader());
        for (String format : FORMATS) {
            s.append(growthRow("export " + format, "ExportBenchmark.export", format));
        }
        return s.append('\n').toString();
    }

    /** How time grows from S to M to L, against how the span count grows: the heading and the table header. */
    private String growthHeader() {
        Workload S = workloads.get("S");
        Workload M = workloads.get("M");
        Workload L = workloads.get("L");
        if (S == null || M == null || L == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "### Growth from S to M to L%n%nSpans grow %.0f× from S to M and %.0f× from "
                        + "M to L; text %.0f× and %.0f×. Linear cost means the time ratios equal those and the time "
                        + "per span stays flat.%n%n| what | µs per span S | µs per span M | µs per span L | time M/S "
                        + "| time L/M |%n|---|---:|---:|---:|---:|---:|%n",
                (double) M.spans() / S.spans(),
                (double) L.spans() / M.spans(),
                (double) M.bytes() / S.bytes(),
                (double) L.bytes() / M.bytes());
    }

    private String growthRow(String what, String benchmark, String format) {
        Optional<JmhResult> rs = result(benchmark, "S", format);
        Optional<JmhResult> rm = result(benchmark, "M", format);
        Optional<JmhResult> rl = result(benchmark, "L", format);
        Workload S = workloads.get("S");
        Workload M = workloads.get("M");
        Workload L = workloads.get("L");
        if ((rs.isEmpty() && rm.isEmpty() && rl.isEmpty()) || S == null || M == null || L == null) {
            return "";
        }
        return "| " + what + " | " + perSpan(rs, S) + " | " + perSpan(rm, M) + " | " + perSpan(rl, L) + " | "
                + ratio(rm, rs) + " | " + ratio(rl, rm) + " |\n";
    }

    private static String perSpan(Optional<JmhResult> r, Workload w) {
        return r.map(x -> String.format(Locale.ROOT, "%.2f", x.msPerOp() * 1000 / w.spans()))
                .orElse("—");
    }

    private static String ratio(Optional<JmhResult> a, Optional<JmhResult> b) {
        return a.isPresent() && b.isPresent()
                ? String.format(
                        Locale.ROOT, "%.1f×", a.get().msPerOp() / b.get().msPerOp())
                : "—";
    }

    private String coreTable() {
        StringBuilder s = new StringBuilder("## Annotation file and segmentation (JMH, in process, one core)\n\n");
        s.append("Reading parses and checks a `*.scholion.json` held in memory; writing serialises it to a counting "
                + "stream; segmentation cuts the text into fragments with their covering spans.\n\n");
        s.append(
                "| workload | read | write | file size | segmentation | fragments | spans/s read | spans/s segmentation "
                        + "| max heap after GC: read / write / segmentation |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String workload : Workloads.SIZES) {
            Workload w = workloads.get(workload);
            Optional<JmhResult> read = result("FileBenchmark.read", workload, "");
            Optional<JmhResult> write = result("FileBenchmark.write", workload, "");
            Optional<JmhResult> seg = result("SegmentationBenchmark.segment", workload, "");
            String[] file = heap.get("file-read/" + workload + "/scholion.json");
            String[] fragments = heap.get("segmentation/" + workload + "/fragments");
            s.append("| ")
                    .append(workload)
                    .append(" | ")
                    .append(time(read, "FileBenchmark.read", workload))
                    .append(" | ")
                    .append(time(write, "FileBenchmark.write", workload))
                    .append(" | ")
                    .append(file == null ? "" : mb(parseLong(file[8])))
                    .append(" | ")
                    .append(time(seg, "SegmentationBenchmark.segment", workload))
                    .append(" | ")
                    .append(fragments == null ? "" : String.format(Locale.ROOT, "%,d", parseLong(fragments[8])))
                    .append(" | ")
                    .append(rate(read, w))
                    .append(" | ")
                    .append(rate(seg, w))
                    .append(" | ")
                    .append(heapAfterGc("file-read/" + workload + "/scholion.json"))
                    .append(" / ")
                    .append(heapAfterGc("file-write/" + workload + "/scholion.json"))
                    .append(" / ")
                    .append(heapAfterGc("segmentation/" + workload + "/fragments"))
                    .append(" MiB |\n");
        }
        s.append('\n').append(growthHeader());
        s.append(growthRow("file read", "FileBenchmark.read", ""));
        s.append(growthRow("file write", "FileBenchmark.write", ""));
        s.append(growthRow("segmentation", "SegmentationBenchmark.segment", ""));
        return s.append('\n').toString();
    }

    private String heapAfterGc(String key) {
        String[] h = heap.get(key);
        return h == null ? "?" : h[4];
    }

    private String time(Optional<JmhResult> r, String benchmark, String workload) {
        if (r.isPresent()) {
            return secs(r.get().msPerOp() / 1000);
        }
        String failure = jmhFailures.get(benchmark + "/" + workload + "/");
        return failure == null ? "not measured" : "**failed: " + failure + "**";
    }

    private static String rate(Optional<JmhResult> r, Workload w) {
        return r.isPresent() && w != null
                ? String.format(Locale.ROOT, "%,.0f", w.spans() / (r.get().msPerOp() / 1000))
                : "";
    }

    private String wholeProcess() {
        StringBuilder s = new StringBuilder("## Whole-process exports of M against LibreOffice and Chromium\n\n");
        s.append("Each command is a fresh process, timed from start to exit. The tools ran alternately, round by "
                + "round, after one unmeasured warm-up of each on S (LibreOffice and Chromium then have a warm "
                + "profile in a temporary folder, Scholion's launcher its class-data archive). A tool that took "
                + "longer than the repeat limit was not run again, and a run that reached the time limit was "
                + "stopped (both limits are in `run.sh`, to keep the suite within 15 minutes). LibreOffice (`soffice --headless --convert-to`) and Chromium "
                + "(`--print-to-pdf`) convert Scholion's own standalone HTML export of M. Peak RSS comes from "
                + "`/usr/bin/time` and is the largest single process of the tree (Chromium and LibreOffice run "
                + "several).\n\n");
        s.append("| command | runs | median | min | max | peak RSS (median) |\n|---|---:|---:|---:|---:|---:|\n");
        List<String> names = new ArrayList<>();
        for (String[] row : whole) {
            if (row[0].equals("export") && !names.contains(row[1])) {
                names.add(row[1]);
            }
        }
        names.forEach(n -> s.append(wholeRow("export", n)));
        s.append('\n');
        for (String[] row : many) {
            Optional<Double> stopped = stoppedAt("export", "scholion all Many");
            List<Double> done = seconds("export", "scholion all Many");
            double t = !done.isEmpty() ? done.get(0) : stopped.orElse(Double.NaN);
            s.append(String.format(
                    Locale.ROOT,
                    "Many (1,000 documents, `--format all`, one command): %s files of %s "
                            + "written in %.1f s%s, **%.0f files/s** (%.0f documents/s).%n%n",
                    row[1],
                    row[2],
                    t,
                    done.isEmpty() && stopped.isPresent() ? " (stopped at the limit)" : "",
                    Long.parseLong(row[1].strip()) / t,
                    Long.parseLong(row[1].strip()) / t * 1000 / Long.parseLong(row[2].strip())));
        }
        compare(s, "DOCX", "scholion docx M", "libreoffice docx M", 2.0, "LibreOffice");
        compare(s, "PDF", "scholion pdf M", "libreoffice pdf M", 2.0, "LibreOffice");
        compare(s, "PDF", "scholion pdf M", "chromium pdf M", 1.0, "Chromium");
        s.append('\n');
        return s.toString();
    }

    private void compare(StringBuilder s, String format, String ours, String theirs, double bar, String tool) {
        List<Double> a = seconds("export", ours);
        List<Double> b = seconds("export", theirs);
        String target = String.format(
                Locale.ROOT,
                "| %s of M %s than %s (whole process) |",
                format,
                bar > 1 ? "≥ " + (int) bar + "× faster" : "faster",
                tool);
        Optional<Double> stopped = stoppedAt("export", theirs);
        if (!a.isEmpty() && b.isEmpty() && stopped.isPresent()) {
            double bound = stopped.get() / median(a);
            s.append(String.format(
                    Locale.ROOT,
                    "- %s: Scholion %s; %s did not finish within %.0f s and was stopped: "
                            + "Scholion is **at least %.1f×** as fast.%n",
                    format,
                    secs(median(a)),
                    tool,
                    stopped.get(),
                    bound));
            targets.add(String.format(
                    Locale.ROOT,
                    "%s %s vs > %.0f s = ≥ %.1f× | %s |%n",
                    target,
                    secs(median(a)),
                    stopped.get(),
                    bound,
                    bound >= bar ? "yes" : "not shown (the limit was too short)"));
            return;
        }
        if (a.isEmpty() || b.isEmpty()) {
            String why = a.isEmpty() ? "`" + ours + "` did not run" : "`" + theirs + "` did not run";
            s.append("- ")
                    .append(format)
                    .append(" against ")
                    .append(tool)
                    .append(": not measured (")
                    .append(why)
                    .append(").\n");
            targets.add(target + " not measured (" + why + ") | — |\n");
            return;
        }
        double ratio = median(b) / median(a);
        s.append(String.format(
                Locale.ROOT,
                "- %s: Scholion %s, %s %s: Scholion is **%.2f×** as fast.%n",
                format,
                secs(median(a)),
                tool,
                secs(median(b)),
                ratio));
        targets.add(String.format(
                Locale.ROOT,
                "%s %s vs %s = %.2f× | %s |%n",
                target,
                secs(median(a)),
                secs(median(b)),
                ratio,
                ratio >= bar ? "yes" : "**no**"));
    }

    private String viewerPart() {
        StringBuilder s = new StringBuilder("## The viewer\n\n");
        if (viewer.isEmpty() && load.isEmpty()) {
            targets.add("| viewer page for M interactive in < 1 s | not measured | — |\n");
            return s.append("Not measured (see raw/run.log).\n\n").toString();
        }
        s.append("Time until the page is interactive in headless Chromium, measured in the page from navigation "
                + "start (browser start-up not counted, cache disabled): the later of the load event, the first "
                + "task the main thread runs after it, and the last DOM change before 300 ms of quiet. Median of "
                + "the runs after one warm-up load.\n\n");
        s.append("| workload | runs | DOM interactive | DOMContentLoaded | load | interactive | elements |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Double> interactive = new LinkedHashMap<>();
        for (String workload : Workloads.SIZES) {
            List<String[]> rows =
                    viewer.stream().filter(r -> r[0].equals(workload)).toList();
            if (rows.isEmpty()) {
                continue;
            }
            double i = medianOf(rows, 5);
            interactive.put(workload, i);
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f ms | %.0f ms | %.0f ms | **%.0f ms** | %s |%n",
                    workload,
                    rows.size(),
                    medianOf(rows, 2),
                    medianOf(rows, 3),
                    medianOf(rows, 4),
                    i,
                    rows.get(0)[6]));
        }
        viewerLimits.forEach((workload, limit) -> {
            if (!interactive.containsKey(workload)) {
                s.append("| ")
                        .append(workload)
                        .append(" | 0 | | | | **no measured load within ")
                        .append(limit)
                        .append(" s** (probe stopped) | |\n");
            }
        });
        Double m = interactive.get("M");
        String mLimit = viewerLimits.get("M");
        targets.add(
                m != null
                        ? String.format(
                                Locale.ROOT,
                                "| viewer page for M interactive in < 1 s | %.0f ms | %s |%n",
                                m,
                                m < 1000 ? "yes" : "**no**")
                        : mLimit != null
                                ? "| viewer page for M interactive in < 1 s | no load completed within " + mLimit
                                        + " s | **no** |\n"
                                : "| viewer page for M interactive in < 1 s | not measured | — |\n");
        if (!load.isEmpty()) {
            s.append("\nRequests on loopback (`java.net.http.HttpClient`, keep-alive, a bounded number of requests "
                    + "from a fixed number of concurrent clients):\n\n");
            s.append("| what | requests | concurrency | seconds | requests/s | median latency | p99 latency | "
                    + "failed | bytes per answer |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String[] r : load) {
                s.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | **%s** | %s ms | %s ms | %s | %s |%n",
                        r[0],
                        r[2],
                        r[3],
                        r[4],
                        r[5],
                        r[6],
                        r[7],
                        r[8],
                        mb(parseLong(r[9]))));
            }
        }
        List<String[]> rss = whole.stream().filter(r -> r[0].equals("viewer")).toList();
        if (!rss.isEmpty()) {
            s.append("\nPeak RSS of the viewer process (VmHWM): ");
            List<String> parts = new ArrayList<>();
            rss.forEach(r -> parts.add(r[1] + " "
                    + (r[4].isBlank() ? "?" : String.format(Locale.ROOT, "%.0f MiB", parseLong(r[4]) / 1024.0))));
            s.append(String.join(", ", parts)).append(".\n");
        }
        return s.append('\n').toString();
    }

    private static double medianOf(List<String[]> rows, int column) {
        return median(rows.stream().map(r -> Double.parseDouble(r[column])).toList());
    }
}
