package org.scholion.export.brief;

/** One line of a brief's header, e.g. {@code Language: en}. */
public record Fact(String name, String value) {}
