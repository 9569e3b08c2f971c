package org.scholion.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The two forms of a span's link: an absolute IRI of scheme {@code http}, {@code https} or
 * {@code urn}, or a compact {@code PREFIX:ID} whose prefix a label set declares with its IRI base.
 * A link's form is told by the part before its first colon: one of the three schemes means an IRI,
 * anything else a prefix (so no prefix may be named {@code http}, {@code https} or {@code urn}).
 */
public final class Links {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");
    private static final Pattern URN = Pattern.compile("(?i)urn:[A-Za-z0-9][A-Za-z0-9-]{0,31}:\\S+");

    private Links() {}

    /** Whether {@code link} is written as an absolute IRI (http, https or urn) rather than {@code PREFIX:ID}. */
    public static boolean isIri(String link) {
        int colon = link.indexOf(':');
        return colon > 0 && isScheme(link.substring(0, colon));
    }

    /** The prefix of a {@code PREFIX:ID} link, or null for an absolute IRI. */
    public static String prefix(String link) {
        return isIri(link) ? null : link.substring(0, link.indexOf(':'));
    }

    /** Checks the form of a link (not whether its prefix is declared), with a message naming it. */
    static String check(String link, String what) {
        Checks.check(link != null && !link.isEmpty(), "%s must not be empty", what);
        Checks.check(
                !hasForbidden(link),
                "link '%s' of %s must not hold white space, control characters or" + " any of < > \" { } | \\ ^ `",
                link,
                what);
        int colon = link.indexOf(':');
        Checks.check(
                colon > 0 && colon < link.length() - 1,
                "link '%s' of %s must be an IRI (http, https or urn)"
                        + " or PREFIX:ID with a prefix declared in a label set",
                link,
                what);
        String head = link.substring(0, colon);
        if (isScheme(head)) {
            iri(link, "link '" + link + "' of " + what);
        } else {
            Checks.check(
                    PREFIX.matcher(head).matches(),
                    "link '%s' of %s: prefix '%s' must be a letter followed by" + " letters, digits and . _ -",
                    link,
                    what,
                    head);
        }
        return link;
    }

    /** Checks an absolute IRI of scheme http, https or urn; {@code subject} names it, value included. */
    static String iri(String iri, String subject) {
        Checks.check(
                iri != null && !hasForbidden(iri),
                "%s must not hold white space, control characters or" + " any of < > \" { } | \\ ^ `",
                subject);
        String lower = iri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            String rest = iri.substring(iri.indexOf("://") + 3);
            int end = 0;
            while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            Checks.check(end > 0, "%s has no host", subject);
            return iri;
        }
        Checks.check(
                URN.matcher(iri).matches(),
                "%s must be an absolute IRI of scheme http, https or urn" + " (urn:NID:NSS)",
                subject);
        return iri;
    }

    /** Checks a prefix name as a label set declares it. */
    static String checkPrefix(String prefix, String what) {
        Checks.check(
                prefix != null && PREFIX.matcher(prefix).matches(),
                "prefix '%s' of %s must be a letter" + " followed by letters, digits and . _ - (at most 64)",
                prefix,
                what);
        Checks.check(!isScheme(prefix), "prefix '%s' of %s would hide the IRI scheme of that name", prefix, what);
        return prefix;
    }

    private static boolean isScheme(String head) {
        return head.equalsIgnoreCase("http") || head.equalsIgnoreCase("https") || head.equalsIgnoreCase("urn");
    }

    private static boolean hasForbidden(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || Character.isISOControl(c) || Character.isWhitespace(c) || "<>\"{}|\\^`".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }
}
