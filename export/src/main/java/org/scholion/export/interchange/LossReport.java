package org.scholion.export.interchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a conversion did not carry, collected as it goes: the CLI prints {@link #summary()} on
 * stderr for every format alike, writes {@link #writeJson} for {@code --report}, and refuses to
 * write anything under {@code --strict} when the report is not {@linkplain #isEmpty empty}.
 * Not thread-safe: one report per conversion.
 */
public final class LossReport {
    private final List<Loss> losses = new ArrayList<>();

    public void add(Loss loss) {
        losses.add(loss);
    }

    public void add(String format, String source, int line, String kind, String detail) {
        add(new Loss(format, source, line, kind, detail));
    }

    public boolean isEmpty() {
        return losses.isEmpty();
    }

    public List<Loss> losses() {
        return Collections.unmodifiableList(losses);
    }

    /**
     * One line per format and kind, in the order first met, the count after the kind so that it
     * reads the same for one as for many: {@code conll: nested spans not written: 12}.
     */
    public List<String> summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Loss loss : losses) {
            counts.merge(loss.format() + ": " + loss.kind(), 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((kind, count) -> lines.add(kind + ": " + count));
        return lines;
    }

    /** The report as JSON: {@code {"losses": [{"format", "source", "line", "kind", "detail"}, ...]}}. */
    public void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("count", losses.size());
            json.writeArrayFieldStart("losses");
            for (Loss loss : losses) {
                json.writeStartObject();
                json.writeStringField("format", loss.format());
                json.writeStringField("source", loss.source());
                if (loss.line() > 0) {
                    json.writeNumberField("line", loss.line());
                }
                json.writeStringField("kind", loss.kind());
                json.writeStringField("detail", loss.detail());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
