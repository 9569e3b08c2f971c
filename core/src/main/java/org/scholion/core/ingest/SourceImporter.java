package org.scholion.core.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.scholion.core.ScholionException;
import org.scholion.core.model.Document;
import org.xml.sax.SAXException;

/**
 * Makes a {@link Document} from a source file. Plain text is decoded exactly (charset from its
 * byte-order mark, else UTF-8, else detected) and nothing in it is normalised; other formats go
 * through whichever Tika parser modules are on the class path, keeping paragraphs as
 * blank-line-separated text.
 */
public final class SourceImporter {
    private static final Pattern NOT_ID = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final long MIN_INFLATE_LIMIT = 10L << 20;
    private static final long MAX_INFLATE_LIMIT = 256L << 20;
    private static final Pattern JAVA_CLASS_PREFIX =
            Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): ");

    private SourceImporter() {}

    public static Document importFile(Path file) throws ScholionException {
        return importFile(file, ImportOptions.DEFAULT);
    }

    public static Document importFile(Path file, ImportOptions options) throws ScholionException {
        String source = file.toString();
        byte[] bytes = readBounded(file, options);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.getFileName().toString());
        TikaConfig config = TikaConfig.getDefaultConfig();
        MediaType type = detect(config.getDetector(), bytes, metadata, source);
        String id = idFrom(file);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("source", file.getFileName().toString());
        if (isPlainText(type)) {
            Decoded decoded = decode(bytes, metadata, config.getEncodingDetector(), source);
            if (decoded.text().length() > options.maxChars()) {
                throw new ScholionException(source, "has more than " + options.maxChars() + " characters of text");
            }
            facts.put("charset", decoded.charset().name());
            return new Document(id, id, null, "text/plain", null, facts, decoded.text());
        }
        return parse(config, bytes, metadata, type, id, facts, options, source);
    }

    private static byte[] readBounded(Path file, ImportOptions options) throws ScholionException {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new ScholionException(source, "is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > options.maxBytes()) {
                throw new ScholionException(
                        source,
                        String.format(
                                Locale.ROOT,
                                "is %,d bytes, more than the import limit of %,d bytes",
                                size,
                                options.maxBytes()));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ScholionException(source, "no such file");
        } catch (IOException e) {
            throw new ScholionException(source, "cannot read: " + e.getMessage(), e);
        }
    }

    private static MediaType detect(Detector detector, byte[] bytes, Metadata metadata, String source)
            throws ScholionException {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return detector.detect(in, metadata);
        } catch (IOException e) {
            throw new ScholionException(source, "cannot tell what kind of file this is: " + e.getMessage(), e);
        }
    }

    private static boolean isPlainText(MediaType type) {
        MediaType base = type.getBaseType();
        if (base.equals(MediaType.TEXT_PLAIN)) {
            return true;
        }
        // Tika names many plain texts by their use (text/x-log, text/x-java-source, text/markdown ...)
        String sub = base.getSubtype();
        return base.getType().equals("text")
                && (sub.startsWith("x-") || sub.equals("markdown"))
                && !sub.contains("html")
                && !sub.contains("xml");
    }

    private record Decoded(String text, Charset charset) {}

    private static Decoded decode(byte[] bytes, Metadata metadata, EncodingDetector detector, String source)
            throws ScholionException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(bytes, 3, StandardCharsets.UTF_8, source), StandardCharsets.UTF_8);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE, source), StandardCharsets.UTF_16BE);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE, source), StandardCharsets.UTF_16LE);
        }
        if (looksBinary(bytes)) {
            throw new ScholionException(source, "looks like a binary file, not text (it has NUL bytes)");
        }
        try {
            return new Decoded(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString(),
                    StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            refuseBrokenUtf8(bytes, source);
            Charset detected = null;
            try (InputStream in = TikaInputStream.get(bytes)) {
                detected = detector.detect(in, metadata);
            } catch (IOException e) {
                // fall back below
            }
            if (detected == null
                    || detected.equals(StandardCharsets.UTF_8)
                    || detected.equals(StandardCharsets.ISO_8859_1)
                    || detected.equals(StandardCharsets.US_ASCII)) {
                // as browsers do: Latin-1 labels mean windows-1252, whose 0x80-0x9F are letters, not controls
                detected = Charset.forName("windows-1252");
            }
            return new Decoded(new String(bytes, detected), detected);
        }
    }

    /**
     * Text that is UTF-8 apart from a few bad bytes is broken UTF-8, not another charset: reading
     * it as windows-1252 would turn every accented letter into two wrong ones, so it is refused.
     */
    private static void refuseBrokenUtf8(byte[] bytes, String source) throws ScholionException {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        boolean hasUtf8Letters = lenient.chars().anyMatch(c -> c > 0x7F && c != 0xFFFD);
        if (!hasUtf8Letters) {
            return;
        }
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(lenient.length() + 16);
        decoder.decode(in, out, true);
        int at = in.position();
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        throw new ScholionException(
                source,
                line,
                column,
                String.format(
                        Locale.ROOT,
                        "is UTF-8 with an invalid byte 0x%02X at byte %,d; fix or re-save it as UTF-8",
                        bytes[at] & 0xFF,
                        at),
                null);
    }

    private static String strict(byte[] bytes, int offset, Charset charset, String source) throws ScholionException {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ScholionException(
                    source, "starts with a " + charset.name() + " byte-order mark but is not valid " + charset.name());
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        for (int i = 0; i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Document parse(
            TikaConfig config,
            byte[] bytes,
            Metadata metadata,
            MediaType type,
            String id,
            Map<String, String> facts,
            ImportOptions options,
            String source)
            throws ScholionException {
        AutoDetectParser parser = new AutoDetectParser(config);
        ParseContext context = new ParseContext();
        context.set(Parser.class, parser);
        if (!parser.getSupportedTypes(context).contains(type.getBaseType())) {
            throw new ScholionException(
                    source, "cannot import " + type.getBaseType() + ": no parser for it is installed");
        }
        refuseDecompressionBombs(bytes, source);
        ParagraphHandler handler = new ParagraphHandler(options.maxChars());
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            parser.parse(in, handler, metadata, context);
        } catch (ZeroByteFileException e) {
            throw new ScholionException(source, "is empty");
        } catch (EncryptedDocumentException e) {
            throw new ScholionException(source, "is encrypted or password-protected", e);
        } catch (SAXException e) {
            if (e.getException() instanceof ParagraphHandler.LimitReached) {
                throw new ScholionException(source, "has more than " + options.maxChars() + " characters of text");
            }
            throw new ScholionException(source, "cannot import: " + firstLine(e), e);
        } catch (TikaException | IOException | RuntimeException e) {
            if (e.getCause() instanceof SAXException s && s.getException() instanceof ParagraphHandler.LimitReached) {
                throw new ScholionException(source, "has more than " + options.maxChars() + " characters of text");
            }
            throw new ScholionException(source, "cannot import " + type.getBaseType() + ": " + firstLine(e), e);
        }
        String title = first(metadata.get(TikaCoreProperties.TITLE));
        String language = first(metadata.get(TikaCoreProperties.LANGUAGE));
        put(facts, "author", metadata.get(TikaCoreProperties.CREATOR));
        put(facts, "created", metadata.get(TikaCoreProperties.CREATED));
        put(facts, "modified", metadata.get(TikaCoreProperties.MODIFIED));
        put(facts, "pages", metadata.get(Office.PAGE_COUNT));
        return new Document(
                id, title == null ? id : title, null, type.getBaseType().toString(), language, facts, handler.text());
    }

    /**
     * DOCX, ODT and EPUB are zip files, and their parsers build what they inflate in memory: a small
     * file whose parts inflate a hundred times over (or past 256 MB) is refused before any parser
     * sees it. Inflating to count stops at the limit, so this costs little.
     */
    private static void refuseDecompressionBombs(byte[] bytes, String source) throws ScholionException {
        if (!startsWith(bytes, 'P', 'K', 3, 4)) {
            return;
        }
        long limit = Math.max(MIN_INFLATE_LIMIT, Math.min(MAX_INFLATE_LIMIT, 100L * bytes.length));
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    total += n;
                    if (total > limit) {
                        throw new ScholionException(
                                source,
                                String.format(
                                        Locale.ROOT,
                                        "looks like a decompression bomb: its %,d bytes inflate to more than %,d bytes "
                                                + "(in %s); refused",
                                        bytes.length,
                                        limit,
                                        entry.getName()));
                    }
                }
            }
        } catch (IOException e) {
            // a damaged zip is the parser's to report, with its own words
        }
    }

    private static void put(Map<String, String> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(key, value.strip());
        }
    }

    private static String first(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String firstLine(Exception e) {
        Throwable t = e;
        // Tika wraps the parser's own error in "TIKA-198: Illegal IOException from ...Parser@1a2b3c": say the cause
        while (t.getCause() != null
                && t.getMessage() != null
                && (t.getMessage().contains("Unexpected RuntimeException")
                        || t.getMessage().startsWith("TIKA-198"))) {
            t = t.getCause();
        }
        String m = t.getMessage() == null || t.getMessage().isBlank()
                ? "the parser failed without saying why"
                : t.getMessage();
        int cut = m.indexOf('\n');
        m = cut >= 0 ? m.substring(0, cut) : m;
        // wrapped causes print as "org.apache.poi.ooxml.POIXMLException: ...": the class names mean nothing to a reader
        return JAVA_CLASS_PREFIX.matcher(m).replaceAll("").strip();
    }

    /** A document id made from a file name: its stem, with anything but letters, digits, . _ - made '-'. */
    public static String idFrom(Path file) {
        String name = file.getFileName().toString();
        int dot = name.indexOf('.', 1);
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String id = NOT_ID.matcher(stem).replaceAll("-").replaceAll("^[-.]+|-+$", "");
        if (id.isEmpty()) {
            id = "document";
        }
        return id.length() > 120 ? id.substring(0, 120) : id;
    }
}
