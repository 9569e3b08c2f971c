package org.scholion.export.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class WordXmlTest {
    /** Characters that stress an escaper: markup, quotes, white space, controls, non-BMP, non-characters. */
    private static final int[] ALPHABET = {
        'a', 'Z', ' ', '<', '>', '&', '"', '\'', ']', '\t', '\n', '\r', 0, 1, 0x1F, 0x7F, 0xE9, 0x3B1, 0x5D0, 0x627,
        0x6F22, 0x301, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600, 0x1F44D, 0x10FFFF
    };

    @Test
    void randomTextAndAttributesReadBackAsTheCleanedString() throws Exception {
        long seed = System.nanoTime();
        System.out.println("WordXmlTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                b.appendCodePoint(ALPHABET[random.nextInt(ALPHABET.length)]);
            }
            String s = b.toString();
            Element root =
                    parse(x -> x.raw("<r a=\"").attr(s).raw("\">").text(s).raw("</r>"));
            String clean = WordText.clean(s);
            assertThat(root.getTextContent())
                    .as("text of %s (seed %s)", escape(s), seed)
                    .isEqualTo(clean);
            assertThat(root.getAttribute("a"))
                    .as("attribute of %s (seed %s)", escape(s), seed)
                    .isEqualTo(clean);
        }
    }

    @Test
    void aSliceIsEscapedOnItsOwnAndWhiteSpaceAtAnEdgeIsPreserved() throws Exception {
        String s = "x]]>y <b> ";
        Element root = parse(
                x -> x.raw("<r xmlns:w=\"urn:w\">").t(s, 1, s.length(), false).raw("</r>"));
        Element t = (Element) root.getFirstChild();
        assertThat(t.getTextContent()).isEqualTo("]]>y <b> ");
        assertThat(t.getAttribute("xml:space")).isEqualTo("preserve");
        assertThat(bytes(x -> x.t("abc", false))).isEqualTo("<w:t>abc</w:t>");
    }

    @Test
    void aDroppedCharacterBetweenBracketsDoesNotEndACdataSection() throws Exception {
        String s = "]\u0000]>|]\uFFFE]>";
        Element root = parse(x -> x.raw("<r>").text(s).raw("</r>"));
        assertThat(root.getTextContent()).isEqualTo("]]>|]]>");
    }

    @Test
    void aLoneSurrogateBecomesAQuestionMarkAsJavasEncoderWritesIt() throws Exception {
        String s = "a\uD83Db\uDE00c";
        assertThat(bytes(x -> x.text(s)))
                .isEqualTo(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("a?b?c");
    }

    @Test
    void outputLongerThanTheBufferArrivesWhole() throws Exception {
        String s = "Zu\u0308rich 😀 & ".repeat(20_000);
        Element root = parse(x -> x.raw("<r>").text(s).raw("</r>"));
        assertThat(root.getTextContent()).isEqualTo(s);
    }

    private interface Body {
        void write(WordXml x) throws Exception;
    }

    private static String bytes(Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WordXml x = new WordXml(out);
        body.write(x);
        x.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Element parse(Body body) throws Exception {
        byte[] xml = bytes(body).getBytes(StandardCharsets.UTF_8);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u{%X}", c) : (char) c));
        return b.toString();
    }
}
