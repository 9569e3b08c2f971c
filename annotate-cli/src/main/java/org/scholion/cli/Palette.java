package org.scholion.cli;

import java.util.Locale;

/** ANSI colours for a terminal: 24-bit when the terminal says it can, else the nearest of the 256-colour palette. */
final class Palette {
    static final String RESET = "\u001B[0m";
    private static final int[] CUBE = {0, 95, 135, 175, 215, 255};

    private final boolean trueColor;

    Palette(boolean trueColor) {
        this.trueColor = trueColor;
    }

    /** Whether the terminal announces 24-bit colour ({@code COLORTERM=truecolor} or {@code 24bit}). */
    static boolean trueColorTerminal(String colorTerm) {
        return colorTerm != null && (colorTerm.equalsIgnoreCase("truecolor") || colorTerm.equalsIgnoreCase("24bit"));
    }

    boolean trueColor() {
        return trueColor;
    }

    /** The sequence that paints text on a background of {@code rgb}, in black or white, whichever reads better. */
    String highlight(int rgb, boolean underline, int underlineRgb) {
        StringBuilder b = new StringBuilder("\u001B[");
        b.append(luminance(rgb) > 0.5 ? "30" : "97").append(';').append(background(rgb));
        if (underline) {
            b.append(";4");
            if (trueColor && underlineRgb >= 0) {
                b.append(String.format(
                        Locale.ROOT,
                        ";58;2;%d;%d;%d",
                        underlineRgb >> 16 & 0xFF,
                        underlineRgb >> 8 & 0xFF,
                        underlineRgb & 0xFF));
            }
        }
        return b.append('m').toString();
    }

    private String background(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int bl = rgb & 0xFF;
        return trueColor ? String.format(Locale.ROOT, "48;2;%d;%d;%d", r, g, bl) : "48;5;" + xterm256(rgb);
    }

    /** The nearest colour of the xterm 256-colour palette (the 6x6x6 cube or the grey ramp). */
    static int xterm256(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        int ri = nearestCube(r);
        int gi = nearestCube(g);
        int bi = nearestCube(b);
        int cube = 16 + 36 * ri + 6 * gi + bi;
        long cubeDistance = distance(r, g, b, CUBE[ri], CUBE[gi], CUBE[bi]);
        int average = (r + g + b) / 3;
        int greyIndex = average > 238 ? 23 : Math.max(0, (average - 3) / 10);
        int grey = 8 + 10 * greyIndex;
        long greyDistance = distance(r, g, b, grey, grey, grey);
        return greyDistance < cubeDistance ? 232 + greyIndex : cube;
    }

    private static int nearestCube(int v) {
        int best = 0;
        for (int i = 1; i < CUBE.length; i++) {
            if (Math.abs(CUBE[i] - v) < Math.abs(CUBE[best] - v)) {
                best = i;
            }
        }
        return best;
    }

    private static long distance(int r1, int g1, int b1, int r2, int g2, int b2) {
        long dr = r1 - r2;
        long dg = g1 - g2;
        long db = b1 - b2;
        return dr * dr + dg * dg + db * db;
    }

    /** Relative luminance (WCAG), 0 for black to 1 for white. */
    static double luminance(int rgb) {
        return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
