package org.cajal.datasets.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The categories of one categorical column: codes handed out in order of first appearance while the file is read,
 * then sorted into the final labels (numerically when every category is a number, so that {@code 1} and
 * {@code 1.0} are one category, else alphabetically), so the same file always gives the same indices.
 */
final class CategoryCodes {

    /** The sorted labels, and for each first-appearance code its index among them. */
    record Sorted(List<String> labels, int[] indexOfCode) {
    }

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /** The code of a (trimmed, present) cell, new if the text was not seen before. */
    int code(String text) {
        return codes.computeIfAbsent(text, t -> {
            texts.add(t);
            return texts.size() - 1;
        });
    }

    int distinct() {
        return texts.size();
    }

    Sorted sorted() {
        boolean numeric = texts.stream().allMatch(NumberText::isNumber);
        TreeMap<Object, String> order = new TreeMap<>();
        List<Object> keys = new ArrayList<>(texts.size());
        for (String text : texts) {
            Object key = numeric ? (Object) (Double.parseDouble(text) + 0.0) : text; // -0 and 0 are one value
            keys.add(key);
            order.putIfAbsent(key, numeric ? NumberText.label((Double) key) : text);
        }
        Map<Object, Integer> position = new HashMap<>();
        for (Object key : order.keySet()) {
            position.put(key, position.size());
        }
        int[] index = new int[texts.size()];
        for (int code = 0; code < index.length; code++) {
            index[code] = position.get(keys.get(code));
        }
        return new Sorted(new ArrayList<>(order.values()), index);
    }
}
