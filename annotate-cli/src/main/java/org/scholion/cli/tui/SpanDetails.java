package org.scholion.cli.tui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.scholion.cli.tui.Editor.Step;
import org.scholion.cli.tui.TuiState.Action;
import org.scholion.cli.tui.TuiState.Mode;
import org.scholion.core.model.AnnotatedDocument;
import org.scholion.core.model.LabelSet;
import org.scholion.core.model.Relation;
import org.scholion.core.model.Span;

/**
 * What the annotator records about a span besides its label: attributes ({@code t}), links
 * ({@code @}) and relations to other spans ({@code >}), through prompts on the status line. Every
 * value is checked by the model before it is saved, and a refusal shows the model's message while
 * the prompt stays open.
 */
final class SpanDetails {
    private final SpanActions actions;

    SpanDetails(SpanActions actions) {
        this.actions = actions;
    }

    /** The prompt or mode that {@code t}, {@code @} or {@code >} opens on the chosen span. */
    static Step start(TuiState s, Action action, Span span) {
        String id = span.id();
        return switch (action) {
            case ATTRIBUTE -> Step.of(s.withMode(Mode.ATTRIBUTE_NAME, "", Action.ATTRIBUTE, List.of(id)));
            case LINK -> Step.of(s.withMode(Mode.LINK, "", Action.LINK, List.of(id)));
            case RELATE ->
                Step.of(s.withCursor(s.cursor(), -1)
                        .withMode(Mode.RELATE, "", Action.RELATE, List.of(id))
                        .withMessage("relate " + id + " " + span.label() + ": move to the target span"));
            default -> throw new IllegalArgumentException("not an action on details: " + action);
        };
    }

    /** Enter at the attribute name, attribute value, link or relation type prompt. */
    Step enter(TuiState s) {
        AnnotatedDocument doc = s.document();
        String id = s.candidates().get(0);
        Optional<Span> found = doc.span(id);
        if (found.isEmpty()) {
            return Step.of(s.normal().withError("span " + id + " is gone (the file was changed by someone else)"));
        }
        Span span = found.get();
        String input = s.input().strip();
        switch (s.mode()) {
            case ATTRIBUTE_NAME -> {
                if (input.isEmpty()) {
                    return Step.of(s.normal().withMessage("cancelled"));
                }
                String refusal = refusal(doc, () -> span.withAttribute(input, "x"));
                if (refusal != null) {
                    return Step.of(s.withError(refusal));
                }
                String value = span.attributes().getOrDefault(input, "");
                return Step.of(s.withMode(Mode.ATTRIBUTE_VALUE, value, Action.ATTRIBUTE, List.of(id, input)));
            }
            case ATTRIBUTE_VALUE -> {
                String name = s.candidates().get(1);
                if (input.isEmpty()) {
                    if (!span.attributes().containsKey(name)) {
                        return Step.of(s.normal().withMessage("cancelled"));
                    }
                    return Step.of(
                            s.normal(),
                            new Effect.Save(
                                    "unset " + name + " of " + id,
                                    d -> d.withSpanReplaced(existing(d, id).withoutAttribute(name))));
                }
                String refusal = refusal(doc, () -> span.withAttribute(name, input));
                if (refusal != null) {
                    return Step.of(s.withError(refusal));
                }
                return Step.of(
                        s.normal(),
                        new Effect.Save(
                                "set " + name + "=" + input + " of " + id,
                                d -> d.withSpanReplaced(existing(d, id).withAttribute(name, input))));
            }
            case LINK -> {
                if (input.isEmpty()) {
                    return Step.of(s.normal().withMessage("cancelled"));
                }
                if (span.links().contains(input)) {
                    return Step.of(s.withError(id + " already links to " + input));
                }
                String refusal = refusal(doc, () -> span.withLink(input));
                if (refusal != null) {
                    return Step.of(s.withError(refusal));
                }
                return Step.of(
                        s.normal(),
                        new Effect.Save(
                                "link " + id + " to " + input,
                                d -> d.withSpanReplaced(existing(d, id).withLink(input))));
            }
            case RELATION_TYPE -> {
                return input.isEmpty()
                        ? Step.of(s.normal().withMessage("cancelled"))
                        : relate(s, s.candidates().get(1), input);
            }
            default -> {
                return Step.of(s.normal());
            }
        }
    }

    /** Tab at a prompt: completes the attribute name, the link's prefix or the relation type. */
    static Step complete(TuiState s) {
        List<String> options = switch (s.mode()) {
            case ATTRIBUTE_NAME -> attributeNames(s.document(), s.candidates().get(0));
            case LINK ->
                s.document().prefixes().keySet().stream()
                        .sorted()
                        .map(p -> p + ":")
                        .toList();
            case RELATION_TYPE -> relationTypes(s.document());
            default -> List.of();
        };
        String input = s.input();
        List<String> matching =
                options.stream().filter(o -> o.startsWith(input)).toList();
        if (matching.isEmpty()) {
            return Step.of(
                    s.withError(options.isEmpty() ? "nothing to complete" : "none of: " + String.join(" ", options)));
        }
        String common = matching.get(0);
        for (String m : matching) {
            int n = 0;
            while (n < common.length() && n < m.length() && common.charAt(n) == m.charAt(n)) {
                n++;
            }
            common = common.substring(0, n);
        }
        TuiState next = s.withInput(common);
        return Step.of(matching.size() == 1 ? next.withMessage("") : next.withMessage(String.join(" ", matching)));
    }

    /**
     * The attribute names offered for a span: those its label set declares, or, when the set
     * declares none (names are then free), those already used in the document.
     */
    static List<String> attributeNames(AnnotatedDocument doc, String spanId) {
        Optional<Span> span = doc.span(spanId);
        List<String> declared = span.flatMap(x -> doc.labelSetOf(x.label()))
                .map(LabelSet::attributes)
                .orElse(List.of());
        if (!declared.isEmpty()) {
            return declared;
        }
        TreeSet<String> used = new TreeSet<>();
        doc.spans().forEach(x -> used.addAll(x.attributes().keySet()));
        return List.copyOf(used);
    }

    /** The relation types already used in the document, sorted: the numbers 1-9 pick them while relating. */
    static List<String> relationTypes(AnnotatedDocument doc) {
        TreeSet<String> types = new TreeSet<>();
        doc.relations().forEach(r -> types.add(r.type()));
        return List.copyOf(types);
    }

    /** A key while relating: motions move, a number picks a type, Enter asks for one, Esc cancels. */
    Step relating(TuiState s, Key key) {
        if (key.type() == Key.Type.ESCAPE) {
            return Step.of(s.normal().withMessage("cancelled"));
        }
        Optional<Span> target = target(s);
        if (key.type() == Key.Type.ENTER) {
            if (target.isEmpty()) {
                return Step.of(s.withError("no other span under the cursor: move to the target span"));
            }
            return Step.of(s.withMode(
                    Mode.RELATION_TYPE,
                    "",
                    Action.RELATE,
                    List.of(s.candidates().get(0), target.get().id())));
        }
        if (key.type() == Key.Type.CHAR && key.codePoint() >= '1' && key.codePoint() <= '9') {
            List<String> types = relationTypes(s.document());
            int index = key.codePoint() - '1';
            if (index >= types.size()) {
                return Step.of(s.withError(
                        types.isEmpty()
                                ? "no relation types yet: press Enter to type one"
                                : "no relation type " + (index + 1) + ": press 1-" + Math.min(9, types.size())
                                        + " or Enter"));
            }
            if (target.isEmpty()) {
                return Step.of(s.withError("no other span under the cursor: move to the target span"));
            }
            return relate(s, target.get().id(), types.get(index));
        }
        return Step.of(s.withError("move to the target span, then a number or Enter; Esc cancels"));
    }

    /** The span a relation would point to: the innermost span under the cursor that is not its start. */
    Optional<Span> target(TuiState s) {
        String from = s.candidates().isEmpty() ? "" : s.candidates().get(0);
        return actions.spansUnderCursor(s, false).stream()
                .filter(x -> !x.id().equals(from))
                .findFirst();
    }

    private Step relate(TuiState s, String to, String type) {
        String from = s.candidates().get(0);
        AnnotatedDocument doc = s.document();
        boolean twice = doc.relations().stream()
                .anyMatch(r -> r.type().equals(type) && r.from().equals(from) && r.to().equals(to));
        if (twice) {
            return Step.of(s.normal().withError(String.format(Locale.ROOT, "%s is already %s %s", from, type, to)));
        }
        try {
            new Relation(doc.nextRelationId(), type, from, to);
        } catch (IllegalArgumentException e) {
            return Step.of(s.withError(e.getMessage()));
        }
        return Step.of(
                s.normal(),
                new Effect.Save(
                        String.format(Locale.ROOT, "relate %s %s %s", from, type, to),
                        d -> d.withRelation(new Relation(
                                d.nextRelationId(),
                                type,
                                existing(d, from).id(),
                                existing(d, to).id()))));
    }

    /** The model's objection to the document with {@code changed} in place of its span, or null. */
    private static String refusal(AnnotatedDocument doc, Supplier<Span> changed) {
        try {
            doc.withSpanReplaced(changed.get());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static Span existing(AnnotatedDocument doc, String id) {
        return doc.span(id)
                .orElseThrow(() ->
                        new IllegalArgumentException("span " + id + " is gone (the file was changed by someone else)"));
    }

    /** How a relation is listed: {@code said-by→s31} from the span's side, {@code ←said-by s30} to it. */
    static List<String> relationsOf(AnnotatedDocument doc, String spanId) {
        List<String> shown = new ArrayList<>();
        for (Relation r : doc.relationsOf(spanId)) {
            shown.add(r.from().equals(spanId) ? r.type() + "\u2192" + r.to() : "\u2190" + r.type() + " " + r.from());
        }
        return shown;
    }
}
