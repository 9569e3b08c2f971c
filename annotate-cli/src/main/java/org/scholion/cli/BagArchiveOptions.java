package org.scholion.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.scholion.export.bag.BagOptions;
import picocli.CommandLine.Option;

/** The options of {@code export --format bag}: what {@code bag-info.txt} says and the archive's base IRI. */
final class BagArchiveOptions {
    @Option(names = "--organisation", paramLabel = "NAME", description = "bag: Source-Organization in bag-info.txt.")
    String organisation;

    @Option(names = "--contact", paramLabel = "NAME", description = "bag: Contact-Name in bag-info.txt.")
    String contact;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "bag: Contact-Email in bag-info.txt.")
    String email;

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "bag: External-Description in bag-info.txt and the RO-Crate's name.")
    String description;

    @Option(
            names = "--date",
            paramLabel = "YYYY-MM-DD",
            description = "bag: Bagging-Date and the RO-Crate's datePublished (default: today, UTC).")
    LocalDate date;

    @Option(
            names = "--base-iri",
            paramLabel = "IRI",
            description =
                    "bag: name documents and labels without IRIs of their own under this http(s) IRI (documents/<id>, labels/<set>#<label>) instead of urn: names.")
    String baseIri;

    BagOptions toOptions(Clock clock) {
        return new BagOptions(
                organisation,
                contact,
                email,
                description,
                date != null ? date : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                baseIri);
    }
}
