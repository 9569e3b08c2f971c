package org.scholion.cli.tui;

/**
 * What the terminal loop ({@link Tui}) drives between a key and a repaint: one document's
 * {@link Session}, or a {@link CorpusSession} with its document list.
 */
interface Pane {
    /** Handles one key, saving what it changed. */
    void press(Key key);

    void resize(int width, int height);

    /**
     * Reloads what another program changed on disk.
     *
     * @return whether the screen changed
     */
    boolean poll();

    /** Whether the whole window should be repainted (and clears the request). */
    boolean takeRedraw();

    boolean quit();

    /** The window as it should look now. */
    ScreenRenderer.Screen render(ScreenRenderer renderer);
}
