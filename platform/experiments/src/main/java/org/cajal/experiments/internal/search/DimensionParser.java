package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.pipeline.Problem;

/**
 * Reads one parameter of a search section into a {@link Dimension}: {@code {"choices": [...]}},
 * {@code {"range": [from, to], "step": s}}, {@code {"uniform": [a, b]}} or {@code {"logUniform": [a, b]}} (with
 * {@code "count": n} for grid values). A problem is added, located at the parameter and saying how to fix it, and
 * null returned, for anything else.
 */
final class DimensionParser {

    private static final List<String> KINDS = List.of("choices", "range", "uniform", "logUniform");
    private static final Set<String> KEYS = Set.of("choices", "range", "uniform", "logUniform", "step", "count");

    private DimensionParser() {
    }

    static Dimension parse(Object spec, String where, List<Problem> problems) {
        if (!(spec instanceof Map<?, ?> map)) {
            problems.add(new Problem(where, "must be an object: {\"choices\": [...]}, {\"range\": [from, to], "
                    + "\"step\": s}, {\"uniform\": [a, b]} or {\"logUniform\": [a, b]}; got "
                    + SearchSpace.json(spec)));
            return null;
        }
        String kind = kind(map, where, problems);
        if (kind == null) {
            return null;
        }
        Object v = map.get(kind);
        return switch (kind) {
            case "choices" -> choices(v, where, problems);
            case "range" -> range(v, map.get("step"), where, problems);
            default -> interval(kind, v, map.get("count"), where, problems);
        };
    }

    /** The one kind of values the parameter names, its keys checked; null after a problem. */
    private static String kind(Map<?, ?> map, String where, List<Problem> problems) {
        List<String> kinds = KINDS.stream().filter(map::containsKey).toList();
        for (Object k : map.keySet()) {
            if (!KEYS.contains(k)) {
                problems.add(new Problem(where, "unknown key '" + k + "'; use choices, range (with step), uniform "
                        + "or logUniform (with count for a grid)"));
                return null;
            }
        }
        if (kinds.size() != 1) {
            problems.add(new Problem(where, kinds.isEmpty()
                    ? "says nothing about the values; use {\"choices\": [...]}, {\"range\": [from, to]}, "
                    + "{\"uniform\": [a, b]} or {\"logUniform\": [a, b]}"
                    : "has both " + kinds.get(0) + " and " + kinds.get(1) + "; keep one"));
            return null;
        }
        String kind = kinds.get(0);
        if (map.containsKey("step") && !"range".equals(kind)) {
            problems.add(new Problem(where, "\"step\" goes with \"range\" only; for " + kind
                    + " use \"count\" (grid values)"));
            return null;
        }
        if (map.containsKey("count") && !("uniform".equals(kind) || "logUniform".equals(kind))) {
            problems.add(new Problem(where, "\"count\" goes with \"uniform\" and \"logUniform\" only"));
            return null;
        }
        return kind;
    }

    private static Dimension choices(Object v, String where, List<Problem> problems) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            problems.add(new Problem(where, "\"choices\" must be a non-empty list, like [4, 8, 16]"));
            return null;
        }
        return new Dimension.Choices(List.copyOf(new ArrayList<Object>(list)));
    }

    private static Dimension range(Object v, Object st, String where, List<Problem> problems) {
        if (!(v instanceof List<?> list) || list.size() != 2 || !whole(list.get(0)) || !whole(list.get(1))) {
            problems.add(new Problem(where, "\"range\" must be two whole numbers [from, to], both included,"
                    + " like [10, 50]; for fractions use \"uniform\""));
            return null;
        }
        long from = ((Number) list.get(0)).longValue();
        long to = ((Number) list.get(1)).longValue();
        long step = 1;
        if (st != null) {
            if (!whole(st) || ((Number) st).longValue() < 1) {
                problems.add(new Problem(where, "\"step\" must be a whole number from 1, got "
                        + SearchSpace.json(st)));
                return null;
            }
            step = ((Number) st).longValue();
        }
        if (from > to) {
            problems.add(new Problem(where, "\"range\" goes from " + from + " down to " + to
                    + "; write the smaller number first"));
            return null;
        }
        if ((to - from) % step != 0) {
            problems.add(new Problem(where, "steps of " + step + " from " + from + " do not reach " + to
                    + " (both ends are included); make " + to + " − " + from + " a multiple of the step"));
            return null;
        }
        return new Dimension.IntRange(from, to, step);
    }

    private static Dimension interval(String kind, Object v, Object c, String where, List<Problem> problems) {
        boolean log = "logUniform".equals(kind);
        if (!(v instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Number)
                || !(list.get(1) instanceof Number)) {
            problems.add(new Problem(where, "\"" + kind + "\" must be two numbers [low, high], like "
                    + (log ? "[0.0001, 0.1]" : "[0.0, 0.5]")));
            return null;
        }
        double low = ((Number) list.get(0)).doubleValue();
        double high = ((Number) list.get(1)).doubleValue();
        if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
            problems.add(new Problem(where, "\"" + kind + "\" needs low < high, got [" + low + ", " + high
                    + "]; for one value use {\"choices\": [" + low + "]}"));
            return null;
        }
        if (log && low <= 0) {
            problems.add(new Problem(where, "\"logUniform\" needs numbers above 0 (it spreads values over "
                    + "orders of magnitude), got " + low + "; use \"uniform\" for ranges that include 0"));
            return null;
        }
        int count = 0;
        if (c != null) {
            if (!whole(c) || ((Number) c).longValue() < 2 || ((Number) c).longValue() > 1000) {
                problems.add(new Problem(where, "\"count\" must be a whole number from 2 (grid values "
                        + "including both ends), got " + SearchSpace.json(c)));
                return null;
            }
            count = ((Number) c).intValue();
        }
        return new Dimension.Interval(low, high, log, count);
    }

    private static boolean whole(Object o) {
        return o instanceof Integer || o instanceof Long
                || (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15);
    }
}
