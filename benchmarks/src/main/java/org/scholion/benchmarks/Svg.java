package org.scholion.benchmarks;

import java.util.List;
import java.util.Locale;

/** A tiny SVG writer: enough for bars, lines and labels. */
final class Svg {
    private final StringBuilder out = new StringBuilder();
    private final int width;
    private final int height;

    Svg(int width, int height) {
        this.width = width;
        this.height = height;
    }

    void text(double x, double y, String text, String anchor, int size, boolean bold) {
        out.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\"%s>%s</text>%n",
                x,
                y,
                anchor,
                size,
                bold ? " font-weight=\"bold\"" : "",
                escape(text)));
    }

    void rect(double x, double y, double w, double h, String fill) {
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x,
                y,
                Math.max(0, w),
                h,
                fill));
    }

    void rectOutline(double x, double y, double w, double h) {
        out.append(String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" " + "fill=\"none\" stroke=\"#888888\"/>%n",
                x,
                y,
                Math.max(0, w),
                h));
    }

    void line(double x1, double y1, double x2, double y2, String stroke, boolean dashed) {
        out.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>%n",
                x1,
                y1,
                x2,
                y2,
                stroke,
                dashed ? " stroke-dasharray=\"5,4\"" : ""));
    }

    void polyline(List<double[]> points, String stroke) {
        StringBuilder p = new StringBuilder();
        for (double[] pt : points) {
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", pt[0], pt[1]));
            out.append(String.format(
                    Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>%n", pt[0], pt[1], stroke));
        }
        out.append(String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                p.toString().strip(),
                stroke));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public String toString() {
        return String.format(
                        Locale.ROOT,
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                                + "viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\">%n"
                                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                        width,
                        height,
                        width,
                        height)
                + out + "</svg>\n";
    }
}
