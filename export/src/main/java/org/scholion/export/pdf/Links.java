package org.scholion.export.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfAnnotation;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfIndirectReference;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The links between each span's marker in the text and its row in the annotations table, both
 * ways, with explicit destinations. OpenPDF keeps every named destination (its name, action,
 * destination and tree entry) until the document closes and then writes them all as one flat
 * name tree, which for 200,000 spans took most of a 512 MB heap; here a span costs four
 * numbers until its row is drawn.
 */
final class Links extends PdfPageEventHelper {
    private static final char MARKER = 'm';
    private static final char ROW = 'r';

    /** Object number reserved for row n's destination when its marker is drawn; -1 once written. */
    private final int[] rowDestination;
    /** Where marker n was first drawn: page number (0 while not drawn) and the top left corner. */
    private final int[] markerPage;
    private final float[] markerX;
    private final float[] markerY;
    /** The last marker's reserved reference, for a marker OpenPDF draws in two pieces. */
    private int lastMarker;
    private PdfIndirectReference lastReference;

    /** Links for entries numbered 1 to {@code entries}. */
    Links(int entries) {
        rowDestination = new int[entries + 1];
        markerPage = new int[entries + 1];
        markerX = new float[entries + 1];
        markerY = new float[entries + 1];
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
        if (markerPage[n] == 0) {
            markerPage[n] = writer.getPageNumber();
            markerX[n] = rect.getLeft();
            markerY[n] = rect.getTop();
        }
        PdfIndirectReference target;
        if (n == lastMarker && lastReference != null) {
            target = lastReference;
        } else if (rowDestination[n] == 0) {
            // the row comes later: its destination gets an object number now and is written then
            target = writer.getPdfIndirectReference();
            rowDestination[n] = target.getNumber();
        } else {
            return;
        }
        lastMarker = n;
        lastReference = target;
        PdfAction action = new PdfAction();
        action.put(PdfName.S, PdfName.GOTO);
        action.put(PdfName.D, target);
        writer.addAnnotation(new PdfAnnotation(writer, rect.getLeft(), rect.getBottom(), rect.getRight(),
                rect.getTop(), action));
    }

    private void onRow(PdfWriter writer, Rectangle rect, int n) {
        if (rowDestination[n] > 0) {
            PdfDestination here = new PdfDestination(PdfDestination.XYZ, rect.getLeft(), rect.getTop(), 0);
            here.addPage(writer.getCurrentPage());
            try {
                writer.addToBody(here, rowDestination[n]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rowDestination[n] = -1;
        }
        if (markerPage[n] > 0) {
            PdfAction back = PdfAction.gotoLocalPage(markerPage[n],
                    new PdfDestination(PdfDestination.XYZ, markerX[n], markerY[n], 0), writer);
            writer.addAnnotation(new PdfAnnotation(writer, rect.getLeft(), rect.getBottom(), rect.getRight(),
                    rect.getTop(), back));
        }
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // a reserved number must name an object: a row that was never drawn sends its marker to page 1
        for (int n = 1; n < rowDestination.length; n++) {
            if (rowDestination[n] > 0) {
                PdfDestination first = new PdfDestination(PdfDestination.FIT);
                first.addPage(writer.getPageReference(1));
                try {
                    writer.addToBody(first, rowDestination[n]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rowDestination[n] = -1;
            }
        }
    }
}
