package org.scholion.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code START:END} pair of code-point offsets as typed on the command line; the model checks
 * that it makes a valid span, so that its message names the bad span.
 */
record Range(int start, int end) {
    private static final Pattern SHAPE = Pattern.compile("\\s*(\\d{1,9})\\s*:\\s*(\\d{1,9})\\s*");

    @Override
    public String toString() {
        return start + ":" + end;
    }

    /** Reads {@code START:END} for picocli. */
    static final class Converter implements ITypeConverter<Range> {
        @Override
        public Range convert(String value) {
            Matcher m = SHAPE.matcher(value);
            if (!m.matches()) {
                throw new TypeConversionException(String.format(
                        Locale.ROOT, "'%s' is not START:END (two code-point offsets, e.g. 31:48)", value));
            }
            return new Range(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
    }
}
