package org.scholion.export.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.scholion.core.ScholionException;

/** The one configured Jackson parser of the JSON interchange formats. */
public final class Json {
    /** The longest string value read (a document's text): 256 Mi characters. */
    static final int MAX_STRING = 256 << 20;

    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING)
                    .maxNestingDepth(64)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            // an emoji is written as itself, not as two escaped surrogates
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private Json() {}

    /**
     * Parses one JSON Lines line; a syntax error names the file, the line and the column.
     *
     * @throws ScholionException if the line is not one JSON value
     */
    public static JsonNode parseLine(String source, int line, String content) throws ScholionException {
        try {
            return MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int column = at == null ? 0 : Math.max(0, at.getColumnNr());
            throw new ScholionException(source, line, column, "not valid JSON: " + oneLine(e.getOriginalMessage()), e);
        }
    }

    /** Jackson's message without the source excerpt it sometimes appends on further lines. */
    public static String oneLine(String message) {
        if (message == null) {
            return "malformed";
        }
        int cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)).strip();
    }
}
