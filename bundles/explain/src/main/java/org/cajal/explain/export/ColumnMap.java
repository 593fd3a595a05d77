package org.cajal.explain.export;

import java.util.List;

/**
 * How one raw feature becomes some of the network's input columns.
 *
 * @param name       the raw feature
 * @param categories its category labels (dataset order; the raw value is the index), empty for a numeric feature
 * @param outputs    the input columns it sets
 * @param scale      numeric: per output column, {@code column = scale * value + offset}
 * @param offset     numeric: per output column
 * @param table      categorical: per category, the values of the output columns
 * @param fill       the raw value a missing cell is read as (a category index for a categorical feature), or NaN
 *                   when the run's preprocessing fills none (such a row cannot be scored)
 */
public record ColumnMap(String name, List<String> categories, int[] outputs, double[] scale, double[] offset,
                        double[][] table, double fill) {

    public boolean categorical() {
        return !categories.isEmpty();
    }

    /** Writes this feature's columns for a raw value into {@code encoded}. */
    void apply(double value, double[] encoded) {
        double v = Double.isNaN(value) ? fill : value;
        for (int o = 0; o < outputs.length; o++) {
            encoded[outputs[o]] = Double.isNaN(v) ? Double.NaN
                    : categorical() ? table[(int) v][o] : scale[o] * v + offset[o];
        }
    }
}
