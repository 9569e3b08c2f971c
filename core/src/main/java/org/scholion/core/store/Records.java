package org.scholion.core.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scholion.core.ScholionException;

/**
 * The objects of one large array ({@code spans}, {@code relations}) made into records as they
 * stream past, without a tree of maps in between: a file of 200,000 spans would otherwise hold
 * a map per span until the end. Where each object starts is kept as two ints, and a record that
 * cannot be made is remembered and reported, as before, only once the whole file has parsed
 * and the parts before it were accepted.
 */
final class Records<T> {
    private final String name;
    private final Members members;
    private final Maker<T> maker;
    private final List<T> items = new ArrayList<>();
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    private int count;
    private String failure;

    Records(String name, Members members, Maker<T> maker) {
        this.name = name;
        this.members = members;
        this.maker = maker;
    }

    void read(JsonParser p, String source) throws IOException, ScholionException {
        SnapshotReader.forEachObject(p, source, name, (at, index) -> {
            members.read(p);
            if (failure == null) {
                remember(at);
                try {
                    items.add(maker.make(members));
                } catch (IllegalArgumentException | NullPointerException e) {
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
                }
            }
        });
    }

    /** The members' slots this array reads into; the history's spans or relations reuse them. */
    Members members() {
        return members;
    }

    private void remember(JsonLocation at) {
        if (count == lines.length) {
            lines = Arrays.copyOf(lines, count * 2);
            columns = Arrays.copyOf(columns, count * 2);
        }
        lines[count] = at.getLineNr();
        columns[count] = at.getColumnNr();
        count++;
    }

    /** Adds the records in file order; the first that cannot be made or added is reported. */
    void addTo(String source, Adder<T> adder) throws ScholionException {
        for (int i = 0; i < items.size(); i++) {
            try {
                adder.add(items.get(i));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw problemAt(i, source, e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        if (failure != null) {
            throw problemAt(items.size(), source, failure);
        }
    }

    private ScholionException problemAt(int index, String source, String what) {
        return new ScholionException(
                source,
                Math.max(0, lines[index]),
                Math.max(0, columns[index]),
                what + " (in " + name + "[" + index + "])",
                null);
    }

    /** Makes a record from the members of one object; refuses with an IllegalArgumentException. */
    interface Maker<T> {
        T make(Members members);
    }

    /** Adds a made record to what is being built; refuses with an IllegalArgumentException. */
    interface Adder<T> {
        void add(T item);
    }
}
