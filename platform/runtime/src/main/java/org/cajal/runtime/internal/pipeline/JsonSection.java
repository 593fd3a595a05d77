package org.cajal.runtime.internal.pipeline;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.pipeline.Problem;

/**
 * One JSON object of a pipeline file, read strictly: every read names its JSON path in a problem, and keys nobody
 * read are reported as unknown (with the keys that are allowed), never silently ignored.
 */
final class JsonSection {

    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;
    private final Set<String> known = new HashSet<>();

    JsonSection(JsonNode node, String path, List<Problem> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    String child(String key) {
        return path + "." + key;
    }

    boolean has(String key) {
        known.add(key);
        return node.has(key) && !node.get(key).isNull();
    }

    String requireString(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            problems.add(new Problem(child(key), "is missing; add \"" + key + "\": \"...\""));
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(child(key), "expected text but got " + kind(v)));
            return null;
        }
        return v.asText();
    }

    String optString(String key, String fallback) {
        return has(key) ? requireString(key) : fallback;
    }

    Long optLong(String key, long fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber()) {
            problems.add(new Problem(child(key), "expected a whole number but got " + kind(v)
                    + "; allowed: " + Long.MIN_VALUE + " .. " + Long.MAX_VALUE));
            return null;
        }
        return checkRange(key, v, Long.MIN_VALUE, Long.MAX_VALUE) ? v.asLong() : null;
    }

    Integer intInRange(String key, Integer fallback, int min, int max) {
        known.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                problems.add(new Problem(child(key), "is missing; add \"" + key + "\": <whole number "
                        + min + " .. " + max + ">"));
            }
            return fallback;
        }
        if (!v.isIntegralNumber()) {
            problems.add(new Problem(child(key), "expected a whole number but got " + kind(v)
                    + "; allowed: " + min + " .. " + max));
            return null;
        }
        return checkRange(key, v, min, max) ? v.asInt() : null;
    }

    Double doubleInRange(String key, double fallback, double min, double max) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isNumber()) {
            problems.add(new Problem(child(key), "expected a number but got " + kind(v)));
            return null;
        }
        double d = v.asDouble();
        if (d < min || d > max) {
            problems.add(new Problem(child(key), "value " + v + " is out of range; allowed: " + min + " .. " + max));
            return null;
        }
        return d;
    }

    Boolean optBoolean(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            problems.add(new Problem(child(key), "expected true or false but got " + kind(v)));
            return null;
        }
        return v.asBoolean();
    }

    /** A nested object, or null (with a problem) if present but not an object, or absent and required. */
    JsonSection object(String key, boolean required) {
        known.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new Problem(child(key), "is missing; add a \"" + key + "\": { ... } section"));
            }
            return null;
        }
        if (!v.isObject()) {
            problems.add(new Problem(child(key), "expected an object { ... } but got " + kind(v)));
            return null;
        }
        return new JsonSection(v, child(key), problems);
    }

    /** The elements of an array as sections; an absent key gives an empty list. */
    List<JsonSection> objects(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        List<JsonSection> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(new Problem(child(key), "expected an array [ ... ] but got " + kind(v)));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            String p = child(key) + "[" + i + "]";
            if (v.get(i).isObject()) {
                out.add(new JsonSection(v.get(i), p, problems));
            } else {
                problems.add(new Problem(p, "expected an object { \"type\": ... } but got " + kind(v.get(i))));
            }
        }
        return out;
    }

    /** A flat object of scalar parameter values (numbers, text, booleans), as Java values. */
    Map<String, Object> scalars(String key) {
        known.add(key);
        Map<String, Object> out = new LinkedHashMap<>();
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            problems.add(new Problem(child(key), "expected an object of parameters { ... } but got " + kind(v)));
            return out;
        }
        v.fields().forEachRemaining(e -> {
            Object value = scalar(e.getValue());
            if (value == null) {
                problems.add(new Problem(child(key) + "." + e.getKey(),
                        "expected a number, text or true/false but got " + kind(e.getValue())));
            } else {
                out.put(e.getKey(), value);
            }
        });
        return out;
    }

    /**
     * A free-form object (not checked key by key): its contents as plain values in file order — maps, lists,
     * Integer/Long/Double, String, Boolean and null. Absent or null gives an empty map; anything but an object is a
     * problem (and null is returned).
     */
    Map<String, Object> freeObject(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!v.isObject()) {
            problems.add(new Problem(child(key), "expected an object { ... } but got " + kind(v)));
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) plain(v);
        return map;
    }

    private static Object plain(JsonNode v) {
        if (v.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (v.isArray()) {
            List<Object> l = new ArrayList<>();
            v.forEach(e -> l.add(plain(e)));
            return l;
        }
        if (v.isNull()) {
            return null;
        }
        return scalar(v);
    }

    /** Reports every key that no read asked for. */
    void rejectUnknownKeys() {
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                problems.add(new Problem(child(k), "unknown key '" + k + "'" + Suggestions.didYouMean(k, known)
                        + "; allowed here: " + String.join(", ", known.stream().sorted().toList())));
            }
        });
    }

    void add(String childKey, String message) {
        problems.add(new Problem(childKey == null ? path : child(childKey), message));
    }

    /** Whether a whole number (of any size) lies in min .. max; if not, a problem that gives the range. */
    private boolean checkRange(String key, JsonNode value, long min, long max) {
        BigInteger v = value.bigIntegerValue();
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(new Problem(child(key), "value " + v + " is out of range; allowed: " + min + " .. " + max));
            return false;
        }
        return true;
    }

    private static Object scalar(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.asInt()
                    : v.canConvertToLong() ? (Object) v.asLong() : (Object) v.asDouble(); // beyond long: a double
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return null;
    }

    static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "text \"" + v.asText() + "\"";
        }
        if (v.isNumber()) {
            return "number " + v;
        }
        if (v.isBoolean()) {
            return "boolean " + v;
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
