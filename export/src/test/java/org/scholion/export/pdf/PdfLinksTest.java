package org.scholion.export.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.junit.jupiter.api.Test;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.Document;
import org.scholion.core.model.Label;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Span;
import org.scholion.export.ExportOptions;
import org.scholion.export.docx.HostileDocument;
import org.scholion.seeds.Seeds;

class PdfLinksTest {

    /** A link annotation: where it sits, the text under it, and where it goes. */
    record Link(int page, PDRectangle rect, String text, int targetPage, float targetTop) {
        /** The number under the link (a neighbouring character may touch its box). */
        int number() {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(text);
            assertThat(m.find()).as("a number under %s", this).isTrue();
            return Integer.parseInt(m.group());
        }
    }

    @Test
    void everyMarkerLinksToItsRowAndBack() throws Exception {
        assertLinkedBothWays(Seeds.referenceAnnotation());
        assertLinkedBothWays(HostileDocument.build());
    }

    @Test
    void spanBeforeAWhiteSpaceLineAndSpanAfterItBothGetMarkers() throws Exception {
        // a line of spaces is skipped as blank; the span after it once lost its marker
        String text = "alpha beta\n   \ngamma delta\n";
        LabelSet set = new LabelSet("t", List.of(new Label("L", "#4477AA", "a label", null, null)));
        AnnotatedDocument doc = AnnotatedDocument.builder(Document.of("blank-line", text))
                .labelSets(List.of(set))
                .span(Span.of("a", 6, 10, "L"))
                .span(Span.of("b", 15, 20, "L"))
                .build();
        assertLinkedBothWays(doc);
    }

    private static void assertLinkedBothWays(AnnotatedDocument source) throws Exception {
        int spans = source.spans().size();
        byte[] pdf = PdfExporterTest.export(source, ExportOptions.DEFAULT);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int tableStart = bookmarkPage(doc, "Annotations");
            Map<Integer, Link> markers = new TreeMap<>();
            Map<Integer, Link> rows = new TreeMap<>();
            for (Link link : links(doc)) {
                Map<Integer, Link> side = link.page() < tableStart ? markers : rows;
                assertThat(side.put(link.number(), link))
                        .as("one link per number: %s", link)
                        .isNull();
            }
            List<Integer> numbers = IntStream.rangeClosed(1, spans).boxed().toList();
            assertThat(markers.keySet()).as("markers in the text").containsExactlyElementsOf(numbers);
            assertThat(rows.keySet()).as("numbers in the table").containsExactlyElementsOf(numbers);
            for (int n : numbers) {
                Link marker = markers.get(n);
                Link row = rows.get(n);
                assertThat(marker.targetPage())
                        .as("marker %d goes to the page of its row", n)
                        .isEqualTo(row.page());
                assertThat(marker.targetTop())
                        .as("marker %d goes to its row", n)
                        .isCloseTo(row.rect().getUpperRightY(), within(1f));
                assertThat(row.targetPage())
                        .as("row %d goes back to the page of its marker", n)
                        .isEqualTo(marker.page());
                assertThat(row.targetTop())
                        .as("row %d goes back to its marker", n)
                        .isCloseTo(marker.rect().getUpperRightY(), within(1f));
            }
        }
    }

    private static int bookmarkPage(PDDocument doc, String title) throws IOException {
        for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
            if (item.getTitle().equals(title)) {
                return doc.getPages().indexOf(item.findDestinationPage(doc));
            }
        }
        throw new AssertionError("no bookmark " + title);
    }

    private static List<Link> links(PDDocument doc) throws IOException {
        List<Link> links = new ArrayList<>();
        for (int p = 0; p < doc.getNumberOfPages(); p++) {
            PDPage page = doc.getPage(p);
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            List<PDAnnotationLink> onPage = new ArrayList<>();
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionGoTo) {
                    PDRectangle r = link.getRectangle();
                    float height = page.getMediaBox().getHeight();
                    stripper.addRegion(
                            Integer.toString(onPage.size()),
                            new Rectangle2D.Float(
                                    r.getLowerLeftX() - 0.5f,
                                    height - r.getUpperRightY() - 0.5f,
                                    r.getWidth() + 1,
                                    r.getHeight() + 1));
                    onPage.add(link);
                }
            }
            stripper.extractRegions(page);
            for (int i = 0; i < onPage.size(); i++) {
                PDAnnotationLink link = onPage.get(i);
                String text = stripper.getTextForRegion(Integer.toString(i));
                if (((PDActionGoTo) link.getAction()).getDestination() instanceof PDPageXYZDestination to) {
                    links.add(new Link(
                            p, link.getRectangle(), text, doc.getPages().indexOf(to.getPage()), to.getTop()));
                } else {
                    // a destination that is not a place on a page (a name with nothing behind it, say)
                    links.add(new Link(p, link.getRectangle(), text, -1, Float.NaN));
                }
            }
        }
        return links;
    }
}
