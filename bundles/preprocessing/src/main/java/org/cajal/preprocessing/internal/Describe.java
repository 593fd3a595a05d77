package org.cajal.preprocessing.internal;

import java.util.List;
import java.util.Locale;

/** Text for a fitted step's description: {@code name=value} pairs of its learned statistics. */
final class Describe {

    private Describe() {
    }

    static String columns(List<String> names, int[] columns, String label, double[] values) {
        StringBuilder out = new StringBuilder(label).append(" {");
        for (int k = 0; k < columns.length; k++) {
            out.append(k == 0 ? "" : ", ").append(names.get(columns[k])).append('=')
                    .append(String.format(Locale.ROOT, "%.6g", values[k]));
        }
        return out.append('}').toString();
    }
}
