package org.scholion.export.docx;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scholion.core.model.Span;
import org.scholion.core.text.Fragment;
import org.scholion.core.text.Line;
import org.scholion.export.brief.Brief;
import org.scholion.export.brief.Entry;
import org.scholion.export.brief.Excerpts;
import org.scholion.export.brief.FragmentStyle;
import org.scholion.export.brief.LinkEntry;

/**
 * The parts of a brief that grow with its spans, streamed as WordprocessingML: the highlighted
 * text with a comment range, reference and linked marker per span, the rows of the annotations
 * table, and the comments. Nothing is kept beyond the brief itself but the order the comments
 * end in (an XML tree of the body would take about 20 kB per span).
 */
final class WordBody {
    private static final DateTimeFormatter COMMENT_DATE = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String BODY_PARAGRAPH = "<w:p><w:pPr><w:pStyle w:val=\"" + WordStyles.BODY + "\"/></w:pPr>";
    private static final String TABLE_PARAGRAPH = "<w:p><w:pPr><w:pStyle w:val=\"" + WordStyles.TABLE + "\"/></w:pPr>";

    private static final String LINK_COLOR = "1F5FA8";

    private final Brief brief;
    private final boolean linked;
    private int bookmarkIds;
    /** Entry numbers in the order their comments end in the text: the order of comments.xml. */
    private int[] commentOrder = new int[16];

    private int comments;
    private final Map<String, String> initials = new HashMap<>();
    /** Relationship id of each clickable link IRI (declared in the document's relationships). */
    private final Map<String, String> hyperlinks;
    /** Whether the annotations table has a column of attributes and links. */
    private final boolean details;

    /**
     * @param linked whether markers link to rows of an annotations table
     * @param firstBookmarkId the first bookmark id not taken by the rest of the document
     */
    WordBody(Brief brief, boolean linked, int firstBookmarkId, Map<String, String> hyperlinks) {
        this.brief = brief;
        this.linked = linked;
        this.bookmarkIds = firstBookmarkId;
        this.hyperlinks = Map.copyOf(hyperlinks);
        this.details = brief.entries().stream().anyMatch(Entry::hasDetails);
    }

    /** Whether some row shows attributes or links, so the table needs their column. */
    boolean hasDetails() {
        return details;
    }

    // ---------------------------------------------------------------- text

    /** The text's paragraphs; every span a comment range over exactly its text, and a marker. */
    void text(WordXml x) throws IOException {
        List<Line> lines = brief.lines();
        List<Fragment> flat = new ArrayList<>();
        for (Line line : lines) {
            flat.addAll(line.fragments());
        }
        boolean blankSeparates = Brief.blankLinesSeparateParagraphs(lines);
        int index = 0;
        boolean open = false;
        boolean gap = false;
        for (Line line : lines) {
            if (line.isBlank()) {
                gap = true;
                continue;
            }
            if (!open || gap || !blankSeparates) {
                if (open) {
                    x.raw("</w:p>");
                }
                x.raw(BODY_PARAGRAPH);
                open = true;
            } else {
                x.raw("<w:r><w:br/></w:r>");
            }
            gap = false;
            for (Fragment fragment : line.fragments()) {
                Fragment previous = index > 0 ? flat.get(index - 1) : null;
                Fragment next = index + 1 < flat.size() ? flat.get(index + 1) : null;
                index++;
                for (Entry e : brief.startingAfter(previous, fragment)) {
                    x.raw("<w:commentRangeStart w:id=\"").number(e.number()).raw("\"/>");
                }
                fragmentRuns(x, fragment, brief.style(fragment));
                List<Entry> ending = brief.endingBefore(fragment, next);
                FragmentStyle around = ending.isEmpty() ? null : around(fragment, ending);
                boolean first = true;
                for (Entry e : ending) {
                    x.raw("<w:commentRangeEnd w:id=\"").number(e.number()).raw("\"/>");
                    x.raw("<w:r><w:commentReference w:id=\"").number(e.number()).raw("\"/></w:r>");
                    commentEnds(e.number());
                    marker(x, e, first, around);
                    first = false;
                }
            }
        }
        if (open) {
            x.raw("</w:p>");
        }
    }

    /** A fragment's runs: a tab is a {@code w:tab} of its own, as Word wants it. */
    private static void fragmentRuns(WordXml x, Fragment fragment, FragmentStyle style) throws IOException {
        String text = WordText.clean(fragment.text());
        int from = 0;
        while (from <= text.length()) {
            int tab = text.indexOf('\t', from);
            int to = tab < 0 ? text.length() : tab;
            if (to > from || tab >= 0) {
                x.raw("<w:r>");
                if (!style.isPlain()) {
                    x.raw("<w:rPr><w:color w:val=\"" + WordBrief.TEXT_COLOR + "\"/>");
                    decorate(x, style);
                    x.raw("</w:rPr>");
                }
                if (to > from) {
                    x.t(text, from, to, false);
                }
                if (tab >= 0) {
                    x.raw("<w:tab/>");
                }
                x.raw("</w:r>");
            }
            if (tab < 0) {
                break;
            }
            from = tab + 1;
        }
    }

    /** How the spans that go on past a fragment are drawn: markers inside them keep their colours. */
    private FragmentStyle around(Fragment fragment, List<Entry> ending) {
        List<Span> going = new ArrayList<>(fragment.spans());
        for (Entry e : ending) {
            going.remove(e.span());
        }
        return brief.style(new Fragment(fragment.start(), fragment.end(), fragment.text(), going));
    }

    /** Shading with any colour ({@code w:shd}: {@code w:highlight} knows only 16) and an underline. */
    private static void decorate(WordXml x, FragmentStyle style) throws IOException {
        if (style != null && !style.isPlain()) {
            x.raw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"")
                    .raw(style.fill().fill().substring(1))
                    .raw("\"/>");
            if (!style.underlines().isEmpty()) {
                x.raw(
                                style.underlines().size() > 1
                                        ? "<w:u w:val=\"double\" w:color=\""
                                        : "<w:u w:val=\"single\" w:color=\"")
                        .raw(style.underlines().get(0).line().substring(1))
                        .raw("\"/>");
            }
        }
    }

    /** The superscript number after a span, linked to its row in the annotations table. */
    private void marker(WordXml x, Entry e, boolean first, FragmentStyle around) throws IOException {
        int id = bookmarkIds++;
        x.raw("<w:bookmarkStart w:name=\"m")
                .number(e.number())
                .raw("\" w:id=\"")
                .number(id)
                .raw("\"/>");
        if (linked) {
            x.raw("<w:hyperlink w:anchor=\"a").number(e.number()).raw("\">");
        }
        x.raw("<w:r><w:rPr><w:b/><w:color w:val=\"")
                .raw(e.tint().line().substring(1))
                .raw("\"/><w:vertAlign w:val=\"superscript\"/>");
        decorate(x, around);
        x.raw("</w:rPr>").t(first ? e.marker() : "," + e.marker(), false).raw("</w:r>");
        if (linked) {
            x.raw("</w:hyperlink>");
        }
        x.raw("<w:bookmarkEnd w:id=\"").number(id).raw("\"/>");
    }

    private void commentEnds(int number) {
        if (comments == commentOrder.length) {
            commentOrder = Arrays.copyOf(commentOrder, comments * 2);
        }
        commentOrder[comments++] = number;
    }

    // ---------------------------------------------------------------- table

    /** One row of the annotations table per span, its number linked back to the marker in the text. */
    void rows(WordXml x) throws IOException {
        for (Entry e : brief.entries()) {
            int id = bookmarkIds++;
            x.raw("<w:tr><w:tc>").raw(TABLE_PARAGRAPH);
            x.raw("<w:bookmarkStart w:name=\"a")
                    .number(e.number())
                    .raw("\" w:id=\"")
                    .number(id)
                    .raw("\"/>");
            x.raw("<w:hyperlink w:anchor=\"m")
                    .number(e.number())
                    .raw("\"><w:r><w:rPr><w:b/><w:color w:val=\"")
                    .raw(e.tint().line().substring(1))
                    .raw("\"/></w:rPr>")
                    .t(e.marker(), false)
                    .raw("</w:r></w:hyperlink>");
            x.raw("<w:bookmarkEnd w:id=\"").number(id).raw("\"/></w:p></w:tc>");
            cell(x, e.tint().fill().substring(1), e.label().name());
            cell(x, null, WordText.clean(Excerpts.quoted(e.quote())));
            cell(x, null, e.span().note() == null ? "" : WordText.clean(e.span().note()));
            cell(x, null, WordText.clean(String.join("; ", e.relations())));
            if (details) {
                WordBrief.cell(x, null, null, c -> details(c, e));
            }
            x.raw("</w:tr>");
        }
    }

    /**
     * A span's attributes ({@code name=value}) and links, one a line; a clickable link is a
     * hyperlink to its expanded IRI showing its short form.
     */
    private void details(WordXml x, Entry e) throws IOException {
        boolean first = true;
        for (String attribute : e.attributes()) {
            x.raw(first ? "<w:r>" : "<w:r><w:br/>")
                    .t(WordText.clean(attribute), true)
                    .raw("</w:r>");
            first = false;
        }
        for (LinkEntry link : e.links()) {
            if (!first) {
                x.raw("<w:r><w:br/></w:r>");
            }
            first = false;
            String id = link.clickable() ? hyperlinks.get(link.iri()) : null;
            if (id == null) {
                x.raw("<w:r>").t(WordText.clean(link.text()), false).raw("</w:r>");
            } else {
                x.raw("<w:hyperlink r:id=\"")
                        .attr(id)
                        .raw("\" w:history=\"1\"><w:r><w:rPr><w:color w:val=\"")
                        .raw(LINK_COLOR)
                        .raw("\"/><w:u w:val=\"single\"/></w:rPr>")
                        .t(WordText.clean(link.text()), false)
                        .raw("</w:r></w:hyperlink>");
            }
        }
    }

    /** A cell of one paragraph, shaded with {@code fill} unless null. */
    private static void cell(WordXml x, String fill, String text) throws IOException {
        WordBrief.cell(x, fill, null, c -> {
            if (!text.isEmpty()) {
                c.raw("<w:r>").t(text, true).raw("</w:r>");
            }
        });
    }

    // ---------------------------------------------------------------- comments

    /** The comments part, in the order the spans end in the text; call after {@link #text}. */
    void comments(WordXml x) throws IOException {
        x.raw(WordPackage.DECLARATION).raw("<w:comments xmlns:w=\"" + WordXml.W + "\"");
        if (comments == 0) {
            x.raw("/>");
            return;
        }
        x.raw(">");
        List<Entry> entries = brief.entries();
        for (int i = 0; i < comments; i++) {
            // entries are numbered from 1 in order
            Entry e = entries.get(commentOrder[i] - 1);
            if (e.number() != commentOrder[i]) {
                throw new IllegalStateException("entry " + i + " of the brief is numbered " + e.number());
            }
            comment(x, e);
        }
        x.raw("</w:comments>");
    }

    private void comment(WordXml x, Entry e) throws IOException {
        Span span = e.span();
        String author = span.annotator() == null ? "Scholion" : WordText.clean(span.annotator());
        x.raw("<w:comment w:id=\"")
                .number(e.number())
                .raw("\" w:author=\"")
                .attr(author)
                .raw("\" w:initials=\"")
                .attr(initials.computeIfAbsent(author, WordBody::initials))
                .raw("\"");
        if (span.created() != null) {
            x.raw(" w:date=\"")
                    .raw(COMMENT_DATE.format(Instant.ofEpochMilli(span.created().toEpochMilli())))
                    .raw("\"");
        }
        x.raw("><w:p><w:r>").t(commentText(e), false).raw("</w:r></w:p></w:comment>");
    }

    /** What a span's comment says: {@code Label — note}, or the label alone. */
    static String commentText(Entry e) {
        String note = WordText.clean(e.span().note());
        return note == null || note.isBlank() ? e.label().name() : e.label().name() + " — " + note;
    }

    static String initials(String author) {
        StringBuilder b = new StringBuilder();
        for (String word : author.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && b.length() < 3) {
                b.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return b.length() == 0 ? "S" : b.toString();
    }
}
