package org.scholion.benchmarks;

import static org.scholion.benchmarks.Numbers.median;
import static org.scholion.benchmarks.Numbers.secs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The figure of one run: whole-process times, export throughput and growth, as {@code benchmarks.svg}. */
final class Plot {
    private final Report report;

    Plot(Report report) {
        this.report = report;
    }

    String svg() {
        Svg svg = new Svg(960, 900);
        svg.text(480, 28, "Scholion benchmarks (one run, same machine)", "middle", 18, true);

        // panel 1: whole-process M
        svg.text(
                40,
                66,
                "Whole-process export of M (1 MB, 20,000 spans): median seconds, lower is better",
                "start",
                14,
                true);
        String[][] bars = {
            {"Scholion DOCX", "scholion docx M", "#4477AA"},
            {"LibreOffice DOCX", "libreoffice docx M", "#BBBBBB"},
            {"Scholion PDF", "scholion pdf M", "#4477AA"},
            {"LibreOffice PDF", "libreoffice pdf M", "#BBBBBB"},
            {"Chromium PDF", "chromium pdf M", "#999933"}
        };
        double max = 0;
        for (String[] b : bars) {
            List<Double> v = report.seconds("export", b[1]);
            max = Math.max(max, v.isEmpty() ? report.stoppedAt("export", b[1]).orElse(0.0) : median(v));
        }
        int y = 82;
        for (String[] b : bars) {
            List<Double> v = report.seconds("export", b[1]);
            Optional<Double> stopped = report.stoppedAt("export", b[1]);
            svg.text(180, y + 15, b[0], "end", 12, false);
            if (!v.isEmpty() && max > 0) {
                double w = 680 * median(v) / max;
                svg.rect(190, y + 2, w, 18, b[2]);
                svg.text(196 + w, y + 15, secs(median(v)), "start", 12, false);
            } else if (stopped.isPresent() && max > 0) {
                double w = 680 * stopped.get() / max;
                svg.rect(190, y + 2, w, 18, "#EEEEEE");
                svg.rectOutline(190, y + 2, w, 18);
                svg.text(196 + w, y + 15, String.format(Locale.ROOT, "> %.0f s", stopped.get()), "start", 12, false);
                svg.text(196, y + 15, "stopped at the time limit, unfinished", "start", 11, false);
            } else {
                svg.text(190, y + 15, "not measured", "start", 12, false);
            }
            y += 24;
        }

        // panel 2: throughput, log scale
        y += 30;
        svg.text(
                40,
                y,
                "Export throughput in process, one core: spans per second (log scale), higher is better",
                "start",
                14,
                true);
        y += 14;
        int top = y;
        double lo = 1e2;
        double hi = 1e7;
        int x0 = 190;
        int width = 680;
        for (double tick = lo; tick <= hi; tick *= 10) {
            double x = x0 + width * Math.log10(tick / lo) / Math.log10(hi / lo);
            svg.line(x, top, x, top + 5 * 2 * 22 + 4, "#DDDDDD", false);
            svg.text(x, top + 5 * 2 * 22 + 18, String.format(Locale.ROOT, "%,.0f", tick), "middle", 11, false);
        }
        double target = x0 + width * Math.log10(Report.TARGET_SPANS_PER_SECOND / lo) / Math.log10(hi / lo);
        svg.line(target, top, target, top + 5 * 2 * 22 + 4, "#CC3311", true);
        svg.text(target + 4, top + 10, "target 500,000 (CSV, JSON-LD)", "start", 11, false);
        for (String format : Report.FORMATS) {
            for (String workload : List.of("M", "L")) {
                Optional<Report.JmhResult> r = report.result("ExportBenchmark.export", workload, format);
                Report.Workload w = report.workloads.get(workload);
                svg.text(180, y + 15, format + " " + workload, "end", 12, false);
                if (r.isEmpty() || w == null) {
                    svg.text(190, y + 15, "not available", "start", 12, false);
                } else {
                    double rate = w.spans() / (r.get().msPerOp() / 1000);
                    double len = width * Math.max(0, Math.log10(rate / lo)) / Math.log10(hi / lo);
                    svg.rect(x0, y + 3, len, 16, workload.equals("M") ? "#66CCEE" : "#4477AA");
                    svg.text(x0 + len + 6, y + 15, String.format(Locale.ROOT, "%,.0f", rate), "start", 11, false);
                }
                y += 22;
            }
        }
        y += 40;

        // panel 3: growth, log-log
        svg.text(
                40,
                y,
                "Growth: time per export against spans (log-log); the dashed line is linear growth",
                "start",
                14,
                true);
        y += 14;
        int gx = 190;
        int gy = y;
        int gw = 480;
        int gh = 260;
        double sLo = 100;
        double sHi = 1e6;
        double tLo = 1e-4;
        double tHi = 1e2;
        svg.rectOutline(gx, gy, gw, gh);
        for (double t = tLo; t <= tHi * 1.0001; t *= 10) {
            double py = gy + gh - gh * Math.log10(t / tLo) / Math.log10(tHi / tLo);
            svg.line(gx, py, gx + gw, py, "#EEEEEE", false);
            svg.text(
                    gx - 6,
                    py + 4,
                    t >= 1
                            ? String.format(Locale.ROOT, "%.0f s", t)
                            : String.format(Locale.ROOT, "%s ms", trim(t * 1000)),
                    "end",
                    11,
                    false);
        }
        for (double n = sLo; n <= sHi * 1.0001; n *= 10) {
            double px = gx + gw * Math.log10(n / sLo) / Math.log10(sHi / sLo);
            svg.line(px, gy, px, gy + gh, "#EEEEEE", false);
            svg.text(px, gy + gh + 16, String.format(Locale.ROOT, "%,.0f", n), "middle", 11, false);
        }
        svg.text(gx + gw / 2.0, gy + gh + 34, "spans (S, M, L)", "middle", 12, false);
        String[] colours = {"#4477AA", "#EE6677", "#228833", "#CCBB44", "#AA3377", "#66CCEE", "#BBBBBB"};
        List<String[]> series = new ArrayList<>();
        Report.FORMATS.forEach(f -> series.add(new String[] {"ExportBenchmark.export", f, f}));
        series.add(new String[] {"FileBenchmark.read", "", "file read"});
        series.add(new String[] {"SegmentationBenchmark.segment", "", "segmentation"});
        int legendY = gy + 10;
        for (int i = 0; i < series.size(); i++) {
            String[] se = series.get(i);
            List<double[]> points = new ArrayList<>();
            for (String workload : Workloads.SIZES) {
                Report.Workload w = report.workloads.get(workload);
                Optional<Report.JmhResult> r = report.result(se[0], workload, se[1]);
                if (w != null && r.isPresent()) {
                    double px = gx + gw * Math.log10(w.spans() / sLo) / Math.log10(sHi / sLo);
                    double t = Math.max(tLo, r.get().msPerOp() / 1000);
                    double py = gy + gh - gh * Math.log10(t / tLo) / Math.log10(tHi / tLo);
                    points.add(new double[] {px, py});
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            svg.polyline(points, colours[i % colours.length]);
            svg.rect(gx + gw + 20, legendY - 9, 12, 12, colours[i % colours.length]);
            svg.text(gx + gw + 38, legendY + 1, se[2], "start", 12, false);
            legendY += 18;
        }
        // linear reference through the first CSV point (or any): slope 1 in log-log
        double refX1 = gx;
        double refY1 = gy + gh;
        double decades = Math.log10(sHi / sLo) / Math.log10(tHi / tLo);
        svg.line(refX1, refY1, gx + gw, refY1 - gh * decades, "#999999", true);
        return svg.toString();
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
