package org.scholion.core.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to the members of one JSON object, refusing members it does not know. */
final class Fields {
    private final Map<String, Object> node;
    private final Members members;
    private final String what;

    @SuppressWarnings("unchecked")
    Fields(Object node, String what, Set<String> known) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        this.node = (Map<String, Object>) node;
        this.members = null;
        this.what = what;
        for (String name : this.node.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown member '" + name + "' in " + what);
            }
        }
    }

    Fields(Members members, String what) {
        if (members.unknown() != null) {
            throw new IllegalArgumentException("unknown member '" + members.unknown() + "' in " + what);
        }
        this.node = null;
        this.members = members;
        this.what = what;
    }

    /** The member's value, or null when it is absent or JSON null. */
    Object get(String name) {
        Object v = node != null ? node.get(name) : members.get(name);
        return v == JsonTree.NULL ? null : v;
    }

    String string(String name, boolean required) {
        Object v = get(name);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException(what + " has no \"" + name + "\"");
            }
            return null;
        }
        if (!(v instanceof String text)) {
            throw new IllegalArgumentException(
                    what + " member \"" + name + "\" must be a string, not " + JsonTree.show(v));
        }
        return text;
    }

    int integer(String name) {
        Object v = get(name);
        if (v == null) {
            throw new IllegalArgumentException(what + " has no \"" + name + "\"");
        }
        if (!(v instanceof Long number) || number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    what + " member \"" + name + "\" must be a whole number, not " + JsonTree.show(v));
        }
        return number.intValue();
    }

    boolean bool(String name) {
        Object v = get(name);
        if (v == null) {
            return false;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(what + " member \"" + name + "\" must be true or false");
        }
        return b;
    }

    /** An object of strings, or an empty map when absent. */
    Map<String, String> stringMap(String name) {
        Object v = get(name);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(
                    what + " member \"" + name + "\" must be an object of strings, not " + JsonTree.show(v));
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getValue() instanceof String text)) {
                throw new IllegalArgumentException(what + " member \"" + name + "\": '" + e.getKey()
                        + "' must be a string, not " + JsonTree.show(e.getValue()));
            }
            result.put((String) e.getKey(), text);
        }
        return result;
    }

    /** An array of strings, or an empty list when absent. */
    List<String> stringList(String name) {
        Object v = get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> items)) {
            throw new IllegalArgumentException(
                    what + " member \"" + name + "\" must be an array of strings, not " + JsonTree.show(v));
        }
        List<String> result = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new IllegalArgumentException(
                        what + " member \"" + name + "\" must hold only strings, not " + JsonTree.show(item));
            }
            result.add(text);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String name, boolean required) {
        Object v = get(name);
        if (v == null) {
            if (required) {
                throw new IllegalArgumentException(what + " must have an array \"" + name + "\"");
            }
            return List.of();
        }
        if (!(v instanceof List<?>)) {
            throw new IllegalArgumentException("\"" + name + "\" must be an array");
        }
        return (List<Object>) v;
    }
}
