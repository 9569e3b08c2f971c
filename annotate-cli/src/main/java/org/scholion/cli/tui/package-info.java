/**
 * The terminal annotator behind {@code annotate tui}, and the suggestions of {@code annotate suggest}.
 *
 * <p>Layers, each testable without the next: {@link org.scholion.cli.tui.TuiState} is everything on
 * screen as one value; {@link org.scholion.cli.tui.Editor} maps a {@link org.scholion.cli.tui.Key} to
 * a new state and {@link org.scholion.cli.tui.Effect}s without I/O; {@link org.scholion.cli.tui.Session}
 * carries the effects out on the {@code AnnotationFile}; {@link org.scholion.cli.tui.ScreenRenderer} draws a
 * state as styled lines for a window size; {@link org.scholion.cli.tui.Tui} is the thin loop between a
 * JLine terminal and the rest. Offsets are code points throughout; only the layout knows columns.
 */
package org.scholion.cli.tui;
