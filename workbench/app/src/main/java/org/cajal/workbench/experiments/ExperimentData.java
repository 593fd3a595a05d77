package org.cajal.workbench.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.experiments.Comparison;
import org.cajal.experiments.MetricScale;
import org.cajal.experiments.Summary;
import org.cajal.runfolder.CsvTable;
import org.cajal.workbench.core.Metrics;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;

/**
 * What the experiments view draws and tabulates, read from an experiment's files and summaries: sweep.csv as
 * error curves, a repeats curve as a mean with its 95% band, summaries and comparisons as table rows. Any thread.
 */
public final class ExperimentData {

    private ExperimentData() {
    }

    /** A CSV table of numbers: its header and rows (a cell that is not a number is NaN). */
    public record Table(List<String> columns, List<double[]> rows) {

        /** The columns that are errors ({@code train_error}, {@code validation_error}, {@code test_error}...). */
        public List<String> errorColumns() {
            return columns.stream().filter(c -> c.endsWith("_error")).toList();
        }

        /** One column against the first ({@code value}), NaN left out. */
        public XYSeries series(String column) {
            XYSeries s = new XYSeries(column.replace('_', ' '), true, false);
            int y = columns.indexOf(column);
            if (y < 0) {
                return s;
            }
            for (double[] row : rows) {
                if (row.length > y && !Double.isNaN(row[0]) && !Double.isNaN(row[y])) {
                    s.add(row[0], row[y], false);
                }
            }
            return s;
        }
    }

    /**
     * Reads sweep.csv ({@code value, train_error, validation_error, test_error, metrics...}); an absent file is
     * an empty table.
     *
     * @throws IOException when it cannot be read or has no header
     */
    public static Table sweep(Path sweepCsv) throws IOException {
        if (!Files.isRegularFile(sweepCsv)) {
            return new Table(List.of(), List.of());
        }
        CsvTable csv = CsvTable.read(sweepCsv);
        if (csv.header().isEmpty() || csv.header().get(0).isEmpty()) {
            throw new IOException(sweepCsv + " has no header row");
        }
        List<double[]> rows = new ArrayList<>();
        for (List<String> cells : csv.rows()) {
            rows.add(cells.stream().limit(csv.header().size()).mapToDouble(CsvTable::number).toArray());
        }
        return new Table(csv.header(), rows);
    }

    /** The error curves of a sweep, one series per error column. */
    public static XYSeriesCollection sweepSeries(Table table) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String c : table.errorColumns()) {
            XYSeries s = table.series(c);
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        }
        return data;
    }

    /**
     * A repeats curve (one summary per epoch, epoch 1 first) as a mean with its band; empty epochs left out. The
     * band is kept inside the column's range (a loss never below 0, an accuracy within 0 and 1), as curves.csv
     * files written before intervals kept to it may reach outside.
     */
    public static YIntervalSeries band(String column, List<Summary> curve) {
        YIntervalSeries s = new YIntervalSeries(column.replace('_', ' ') + " (mean, 95% band)", false, false);
        MetricScale scale = MetricScale.of(column);
        for (int i = 0; i < curve.size(); i++) {
            Summary e = curve.get(i);
            if (e == null || e.n() == 0 || Double.isNaN(e.mean())) {
                continue;
            }
            double low = scale.clamp(Double.isNaN(e.ciLow()) ? e.mean() : e.ciLow());
            double high = scale.clamp(Double.isNaN(e.ciHigh()) ? e.mean() : e.ciHigh());
            s.add(i + 1, e.mean(), low, high);
        }
        return s;
    }

    /** Repeats' final metrics as rows: metric, n, mean, sd, 95% CI low, 95% CI high, and the one-line summary. */
    public static List<List<String>> summaryRows(Map<String, Summary> metrics) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Metric", "n", "Mean", "SD", "95% CI low", "95% CI high", "Summary"));
        metrics.forEach((name, s) -> rows.add(List.of(name, Integer.toString(s.n()), Metrics.format(s.mean()),
                Metrics.format(s.sd()), Metrics.format(s.ciLow()), Metrics.format(s.ciHigh()), s.format(4))));
        return rows;
    }

    /** A comparison as rows of quantity and value. */
    public static List<List<String>> comparisonRows(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Quantity", "Value"));
        rows.add(List.of("Metric", c.metric()));
        rows.add(List.of("Pairs (n)", Integer.toString(c.n())));
        rows.add(List.of("Mean A", Metrics.format(c.meanA())));
        rows.add(List.of("Mean B", Metrics.format(c.meanB())));
        rows.add(List.of("Mean difference (A − B)", Metrics.format(c.meanDifference())));
        rows.add(List.of("SD of the differences", Metrics.format(c.sdDifference())));
        rows.add(List.of("Corrected t", String.format(Locale.ROOT, "%.4f", c.t())));
        rows.add(List.of("Degrees of freedom", Integer.toString(c.df())));
        rows.add(List.of("p (two-sided)", String.format(Locale.ROOT, "%.4g", c.p())));
        rows.add(List.of("Effect size (paired d)", Double.isNaN(c.effectSize()) ? "n/a"
                : Metrics.format(c.effectSize())));
        rows.add(List.of("Corrected 95% CI of the difference", Metrics.format(c.ciLow()) + " to "
                + Metrics.format(c.ciHigh())));
        return rows;
    }

    /**
     * Parses the sweep's values field: numbers separated by commas (integers stay integers).
     *
     * @throws IllegalArgumentException naming the value that is not a number
     */
    public static List<Object> values(String text) {
        List<Object> values = new ArrayList<>();
        for (String part : (text == null ? "" : text).split(",")) {
            String v = part.strip();
            if (v.isEmpty()) {
                continue;
            }
            try {
                values.add(Long.parseLong(v));
            } catch (NumberFormatException notInteger) {
                try {
                    double d = Double.parseDouble(v);
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    values.add(d);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Values: '" + v + "' is not a number. Write numbers "
                            + "separated by commas, e.g. 2, 4, 8, 16.");
                }
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Values: write the values to sweep, separated by commas, e.g. "
                    + "2, 4, 8, 16.");
        }
        return values;
    }
}
