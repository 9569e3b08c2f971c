/**
 * A corpus: a view over folders (searched recursively) and globs of {@code *.scholion.json} files.
 * It lists the files in a stable order and reads each on demand, one at a time or on all cores
 * with a bounded number in memory; it is not a store of its own, and nothing needs a server.
 */
package org.scholion.core.corpus;
