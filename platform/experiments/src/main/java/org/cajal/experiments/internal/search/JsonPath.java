package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A path into a pipeline file's JSON tree, as search and sweep parameters name them:
 * {@code model.layers[0].params.units}, {@code training.epochs} (a leading {@code $.} is allowed). Setting a value
 * creates a missing last key inside an existing object (a parameter the file leaves at its default); every other
 * step must exist.
 */
public final class JsonPath {

    /** One step: an object key or an array index. */
    record Step(String key, int index) {

        boolean isIndex() {
            return key == null;
        }

        @Override
        public String toString() {
            return isIndex() ? "[" + index + "]" : key;
        }
    }

    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** The path as written. */
    @Override
    public String toString() {
        return text;
    }

    /**
     * Parses a path.
     *
     * @throws IllegalArgumentException saying what is wrong, with an example of the form
     */
    public static JsonPath parse(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("the path is empty; write it like model.layers[0].params.units");
        }
        String s = path.startsWith("$.") ? path.substring(2) : path;
        List<Step> steps = new ArrayList<>();
        int i = 0;
        boolean expectKey = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'[' without ']' in '" + path + "'");
                }
                String number = s.substring(i + 1, close).trim();
                if (!number.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException("'[" + number + "]' in '" + path
                            + "' is not an array index; write a whole number from 0, like layers[0]");
                }
                if (steps.isEmpty()) {
                    throw new IllegalArgumentException("'" + path + "' starts with an index; the pipeline file is an"
                            + " object, start with a key like model");
                }
                steps.add(new Step(null, Integer.parseInt(number)));
                i = close + 1;
                expectKey = false;
            } else if (c == '.') {
                if (expectKey) {
                    throw new IllegalArgumentException("empty key in '" + path + "' (two dots, or a dot at the start)");
                }
                i++;
                expectKey = true;
                if (i == s.length()) {
                    throw new IllegalArgumentException("'" + path + "' ends with a dot");
                }
            } else {
                if (!expectKey) {
                    throw new IllegalArgumentException("missing '.' before '" + s.substring(i) + "' in '" + path + "'");
                }
                int end = i;
                while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                    if (s.charAt(end) == ']') {
                        throw new IllegalArgumentException("']' without '[' in '" + path + "'");
                    }
                    end++;
                }
                steps.add(new Step(s.substring(i, end), -1));
                i = end;
                expectKey = false;
            }
        }
        return new JsonPath(path, List.copyOf(steps));
    }

    /**
     * Objects a pipeline file may leave out, their values then being the defaults: a component's
     * {@code params}, {@code split}, {@code training.regularisation} and {@code training.earlyStopping}. A path
     * through one that is missing creates it, so a search can vary a parameter the file does not set yet.
     */
    private static final java.util.Set<String> DEFAULTED = java.util.Set.of("params", "split", "regularisation",
            "earlyStopping");

    /** The node at this path, or null when any step is missing. */
    public JsonNode get(JsonNode root) {
        JsonNode node = root;
        for (Step step : steps) {
            if (node == null) {
                return null;
            }
            node = step.isIndex() ? (node.isArray() ? node.get(step.index()) : null)
                    : (node.isObject() ? node.get(step.key()) : null);
        }
        return node;
    }

    /**
     * Sets the value at this path in the tree.
     *
     * A missing object that a file may leave out ({@link #DEFAULTED}) is created on the way.
     *
     * @throws IllegalArgumentException naming the step that does not exist (or is the wrong kind of node), and
     *                                  how to fix the path
     */
    public void set(ObjectNode root, JsonNode value) {
        JsonNode node = root;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            String here = at.length() == 0 ? "the pipeline file" : at.toString();
            if (step.isIndex()) {
                if (!(node instanceof ArrayNode array)) {
                    throw new IllegalArgumentException(here + " is " + kind(node) + ", not a list; remove "
                            + step + " from the path");
                }
                if (step.index() >= array.size()) {
                    throw new IllegalArgumentException(here + " has " + array.size() + " element"
                            + (array.size() == 1 ? "" : "s") + (array.isEmpty() ? "" : " (indices 0 to "
                            + (array.size() - 1) + ")") + ", so " + at + step + " does not exist");
                }
                if (last) {
                    array.set(step.index(), value);
                    return;
                }
                node = array.get(step.index());
            } else {
                if (!(node instanceof ObjectNode object)) {
                    throw new IllegalArgumentException(here + " is " + kind(node) + ", not an object, so it has no key '"
                            + step.key() + "'");
                }
                if (last) {
                    object.set(step.key(), value);
                    return;
                }
                JsonNode next = object.get(step.key());
                if ((next == null || next.isNull()) && DEFAULTED.contains(step.key())
                        && !steps.get(i + 1).isIndex()) {
                    // a section the file leaves to its defaults: the searched value is the one set there
                    next = object.putObject(step.key());
                }
                if (next == null || next.isNull()) {
                    throw new IllegalArgumentException((at.length() == 0 ? "" : at + ".") + step.key()
                            + " does not exist in the pipeline file (keys here: " + keys(object)
                            + "); check the spelling or add it to the file first");
                }
                node = next;
            }
            if (!step.isIndex() && at.length() > 0) {
                at.append('.');
            }
            at.append(step);
        }
    }

    private static String kind(JsonNode node) {
        if (node == null) {
            return "missing";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "the value " + node;
    }

    private static String keys(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
