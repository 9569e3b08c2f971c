package org.scholion.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Scholion's version, as the build wrote it into {@code version.properties}: the one source of it. */
public final class Version {
    private static final String NUMBER = read();

    private Version() {}

    /** The version number, e.g. {@code 0.1.0}; {@code unknown} when the build's resource is missing. */
    public static String number() {
        return NUMBER;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return properties.getProperty("version", "unknown");
    }
}
