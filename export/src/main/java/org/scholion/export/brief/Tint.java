package org.scholion.export.brief;

import java.util.Locale;

/**
 * How a label's colour is drawn behind text: a light {@code fill} under dark {@code text} with
 * at least WCAG AA contrast (4.5:1), and the label's own colour, darkened if need be, for
 * {@code line}s (underlines, borders, swatches) that must stand out on white.
 */
public record Tint(String fill, String text, String line) {
    static final String TEXT = "#111111";
    private static final double AA = 4.5;

    public static Tint of(String color) {
        int rgb = Integer.parseInt(color.substring(1), 16);
        int fill = rgb;
        for (double alpha = 0.40; alpha > 0; alpha -= 0.05) {
            fill = mix(rgb, 0xFFFFFF, alpha);
            if (contrast(fill, 0x111111) >= AA + 2) {
                break;
            }
        }
        int line = rgb;
        while (contrast(line, 0xFFFFFF) < 3.0) {
            line = mix(line, 0x000000, 0.85);
        }
        return new Tint(hex(fill), TEXT, hex(line));
    }

    /** The fill as an RGB integer. */
    public int fillRgb() {
        return Integer.parseInt(fill.substring(1), 16);
    }

    public int lineRgb() {
        return Integer.parseInt(line.substring(1), 16);
    }

    /** The WCAG contrast ratio of the text on the fill. */
    public double contrast() {
        return contrast(fillRgb(), Integer.parseInt(text.substring(1), 16));
    }

    static int mix(int rgb, int other, double alpha) {
        int r = (int) Math.round(((rgb >> 16) & 0xFF) * alpha + ((other >> 16) & 0xFF) * (1 - alpha));
        int g = (int) Math.round(((rgb >> 8) & 0xFF) * alpha + ((other >> 8) & 0xFF) * (1 - alpha));
        int b = (int) Math.round((rgb & 0xFF) * alpha + (other & 0xFF) * (1 - alpha));
        return (r << 16) | (g << 8) | b;
    }

    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * channel((rgb >> 16) & 0xFF)
                + 0.7152 * channel((rgb >> 8) & 0xFF)
                + 0.0722 * channel(rgb & 0xFF);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }
}
