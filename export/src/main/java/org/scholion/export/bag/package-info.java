/**
 * Archive packages for long-term keeping: a BagIt 1.0 bag (RFC 8493) written with the Library of
 * Congress BagIt library, whose payload holds each document's source text, annotation file,
 * JSON-LD, CSV and PDF brief, an RO-Crate 1.1 description of every file, and the label sets as
 * SKOS concept schemes; and the check of such a bag that names every missing or altered file.
 */
package org.scholion.export.bag;
