/**
 * The terminal annotator behind {@code annotate tui}, and the suggestions of {@code annotate suggest}.
 *
 * <p>Layers, each testable without the next: {@code KeyReader} turns terminal input into
 * {@link org.scholion.cli.tui.Key}s; {@link org.scholion.cli.tui.TuiState} is everything on screen as
 * one value; {@link org.scholion.cli.tui.Editor} maps a key to a new state and
 * {@link org.scholion.cli.tui.Effect}s without I/O, through the one key table {@code Bindings} (moves
 * in {@code Motions}, span commands in {@code SpanActions}, prompts in {@code Prompts});
 * {@link org.scholion.cli.tui.Session} carries the effects out on the {@code AnnotationFile};
 * {@link org.scholion.cli.tui.ScreenRenderer} draws a state as styled rows for a window size, laid out
 * by {@code ScreenLayout}; {@code TerminalPainter} puts the rows on the terminal at absolute
 * positions; {@link org.scholion.cli.tui.Tui} is the thin loop between a JLine terminal and the rest.
 * Offsets are code points throughout; only the layout knows columns.
 */
package org.scholion.cli.tui;
