package org.scholion.export.json;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Whole-number ids for formats that number their annotations (doccano): the number in Scholion's
 * own ids when every id is the prefix and a number ({@code s12} gives 12), so that ids survive an
 * export and an import; otherwise 1, 2, 3 ... in the given order.
 */
public final class ForeignIds {
    private ForeignIds() {}

    public static <T> Map<String, Long> numbers(List<T> items, Function<T, String> id, String prefix) {
        Pattern own = Pattern.compile(Pattern.quote(prefix) + "(0|[1-9]\\d{0,17})");
        Map<String, Long> numbers = new HashMap<>();
        Set<Long> taken = new HashSet<>(); // not numbers.containsValue: that made an export quadratic in its spans
        boolean all = true;
        for (T item : items) {
            var m = own.matcher(id.apply(item));
            if (!m.matches() || !taken.add(Long.parseLong(m.group(1)))) {
                all = false;
                break;
            }
            numbers.put(id.apply(item), Long.parseLong(m.group(1)));
        }
        if (!all) {
            numbers.clear();
            long n = 1;
            for (T item : items) {
                numbers.put(id.apply(item), n++);
            }
        }
        return numbers;
    }
}
