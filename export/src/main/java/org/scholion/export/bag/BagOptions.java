package org.scholion.export.bag;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the bag says about itself ({@code bag-info.txt}) and how its IRIs are made.
 *
 * @param organisation the organisation that made the bag ({@code Source-Organization}); may be null
 * @param contact      a person to ask ({@code Contact-Name}); may be null
 * @param email        their address ({@code Contact-Email}); may be null
 * @param description  what the bag holds ({@code External-Description}); may be null
 * @param date         the bagging date ({@code Bagging-Date}, and the RO-Crate's {@code datePublished})
 * @param baseIri      when not null, documents and labels without an IRI of their own get IRIs under it
 *                     ({@code <base>documents/<id>}, {@code <base>labels/<set>#<label>}), resolvable on
 *                     the archive's own server; else they keep Scholion's {@code urn:} names
 */
public record BagOptions(
        String organisation, String contact, String email, String description, LocalDate date, String baseIri) {

    public BagOptions {
        Objects.requireNonNull(date, "date");
        organisation = blankToNull(organisation);
        contact = blankToNull(contact);
        email = blankToNull(email);
        description = blankToNull(description);
        baseIri = blankToNull(baseIri);
        if (baseIri != null) {
            if (!baseIri.matches("https?://[^\\s<>\"{}|\\\\^`]+")) {
                throw new IllegalArgumentException("base IRI '" + baseIri + "' must be an http(s) IRI");
            }
            baseIri = baseIri.endsWith("/") ? baseIri : baseIri + "/";
        }
        for (String value : new String[] {organisation, contact, email, description}) {
            if (value != null && value.chars().anyMatch(c -> c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("bag-info value '" + value.strip() + "' must be one line");
            }
        }
    }

    public static BagOptions of(LocalDate date) {
        return new BagOptions(null, null, null, null, date, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
