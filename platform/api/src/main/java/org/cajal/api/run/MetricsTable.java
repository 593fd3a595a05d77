package org.cajal.api.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * metrics.csv: one row per epoch, first column {@code epoch}, then {@code train_loss}, {@code validation_loss},
 * {@code validation_<metric>} and any columns a model adds (a GAN's {@code generator_loss}, ...). An empty cell is
 * NaN.
 *
 * @param columns the header, first {@code epoch}
 * @param rows one row per epoch, each as long as {@code columns}
 */
public record MetricsTable(List<String> columns, List<double[]> rows) {

    /** A table with no rows. */
    public static final MetricsTable EMPTY = new MetricsTable(List.of("epoch"), List.of());

    public MetricsTable {
        columns = List.copyOf(columns);
        List<double[]> copy = new ArrayList<>(rows.size());
        rows.forEach(r -> copy.add(r.clone()));
        rows = List.copyOf(copy);
    }

    /** The column's values per epoch, or empty when the table has no such column. */
    public Optional<double[]> column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().mapToDouble(r -> i < r.length ? r[i] : Double.NaN).toArray());
    }

    /** The last epoch's value of a column, or empty when there is no row, no such column, or the cell is empty. */
    public OptionalDouble last(String name) {
        int i = columns.indexOf(name);
        if (i < 0 || rows.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] row = rows.get(rows.size() - 1);
        return i < row.length && !Double.isNaN(row[i]) ? OptionalDouble.of(row[i]) : OptionalDouble.empty();
    }

    /** The number of epochs recorded. */
    public int epochs() {
        return rows.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MetricsTable t) || !columns.equals(t.columns) || rows.size() != t.rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!Arrays.equals(rows.get(i), t.rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + rows.stream().mapToInt(Arrays::hashCode).sum();
    }
}
