package org.scholion.export.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The links between each span's marker in the text and its row in the annotations table, both
 * ways, with explicit destinations. OpenPDF keeps every named destination (its name, action,
 * destination and tree entry) until the document closes and then writes them all as one flat
 * name tree, which for 200,000 spans took most of a 512 MB heap. Here the marker's page lists a
 * link whose object is only numbered when the marker is drawn and written once its row is drawn
 * (so it can point straight at the row); meanwhile a span costs six numbers.
 */
final class Links extends PdfPageEventHelper {
    private static final char MARKER = 'm';
    private static final char ROW = 'r';

    /** Object number of marker n's link, reserved when the marker is drawn; -1 once written. */
    private final int[] markerLink;
    /** Where marker n was first drawn: page number (0 while not drawn) and its box. */
    private final int[] markerPage;

    private final float[] markerLeft;
    private final float[] markerBottom;
    private final float[] markerRight;
    private final float[] markerTop;

    /** Links for entries numbered 1 to {@code entries}. */
    Links(int entries) {
        markerLink = new int[entries + 1];
        markerPage = new int[entries + 1];
        markerLeft = new float[entries + 1];
        markerBottom = new float[entries + 1];
        markerRight = new float[entries + 1];
        markerTop = new float[entries + 1];
    }

    /** The generic tag of entry n's marker in the text. */
    static String marker(int n) {
        return MARKER + Integer.toString(n);
    }

    /** The generic tag of entry n's number in the annotations table. */
    static String row(int n) {
        return ROW + Integer.toString(n);
    }

    @Override
    public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
        char kind = tag.charAt(0);
        if (kind != MARKER && kind != ROW) {
            return;
        }
        int n = Integer.parseInt(tag, 1, tag.length(), 10);
        if (n <= 0 || n >= markerPage.length) {
            return;
        }
        if (kind == MARKER) {
            onMarker(writer, rect, n);
        } else {
            onRow(writer, rect, n);
        }
    }

    private void onMarker(PdfWriter writer, Rectangle rect, int n) {
        if (markerPage[n] != 0) {
            // a marker OpenPDF drew in two pieces: its first piece carries the link
            return;
        }
        markerPage[n] = writer.getPageNumber();
        markerLeft[n] = rect.getLeft();
        markerBottom[n] = rect.getBottom();
        markerRight[n] = rect.getRight();
        markerTop[n] = rect.getTop();
        // listed on this page now, written when the row is drawn: the page only needs its number
        PdfAnnotation placeholder = new PdfAnnotation(writer, rect);
        placeholder.setUsed();
        markerLink[n] = placeholder.getIndirectReference().getNumber();
        writer.addAnnotation(placeholder);
    }

    private void onRow(PdfWriter writer, Rectangle rect, int n) {
        if (markerLink[n] > 0) {
            PdfDestination row = new PdfDestination(PdfDestination.XYZ, rect.getLeft(), rect.getTop(), 0);
            row.addPage(writer.getCurrentPage());
            writeMarkerLink(writer, n, goTo(row));
        }
        if (markerPage[n] > 0) {
            PdfAction back = PdfAction.gotoLocalPage(
                    markerPage[n], new PdfDestination(PdfDestination.XYZ, markerLeft[n], markerTop[n], 0), writer);
            writer.addAnnotation(
                    new PdfAnnotation(writer, rect.getLeft(), rect.getBottom(), rect.getRight(), rect.getTop(), back));
        }
    }

    private static PdfAction goTo(PdfDestination destination) {
        PdfAction action = new PdfAction();
        action.put(PdfName.S, PdfName.GOTO);
        action.put(PdfName.D, destination);
        return action;
    }

    private void writeMarkerLink(PdfWriter writer, int n, PdfAction action) {
        PdfAnnotation link =
                new PdfAnnotation(writer, markerLeft[n], markerBottom[n], markerRight[n], markerTop[n], action);
        try {
            writer.addToBody(link, markerLink[n]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        markerLink[n] = -1;
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // a listed link must exist: one whose row was never drawn goes to the first page
        for (int n = 1; n < markerLink.length; n++) {
            if (markerLink[n] > 0) {
                PdfDestination first = new PdfDestination(PdfDestination.FIT);
                first.addPage(writer.getPageReference(1));
                writeMarkerLink(writer, n, goTo(first));
            }
        }
    }
}
