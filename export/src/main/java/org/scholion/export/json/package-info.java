/**
 * What the JSON interchange formats (doccano, Label Studio, Prodigy) share: one configured Jackson
 * parser, JSON Lines read line by line with strict UTF-8 and a limit on a line's length, checked
 * access to fields that names the file and line of a bad value, document metadata carried as JSON
 * values, and a file written atomically in pieces.
 */
package org.scholion.export.json;
