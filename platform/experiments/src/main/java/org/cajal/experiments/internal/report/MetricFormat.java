package org.cajal.experiments.internal.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cajal.experiments.MetricScale;
import org.cajal.runfolder.CsvTable;

/**
 * Numbers as a results table shows them: a metric in [0, 1] (accuracy, f1, ...) as a percentage with one
 * decimal, any other number with 3 significant digits, intervals in brackets. Whole numbers written as such
 * (a trial, a seed, n) stay as they are. CSV keeps full precision; only Markdown and LaTeX are shortened.
 */
final class MetricFormat {

    private static final MathContext DIGITS = new MathContext(3);

    private MetricFormat() {
    }

    /** Whether the metric is shown as a percentage. */
    static boolean percent(String metric) {
        return MetricScale.of(metric) == MetricScale.PROPORTION;
    }

    /** The metric's name as a row or column label: "accuracy (%)" for a percentage. */
    static String label(String metric) {
        return percent(metric) ? metric + " (%)" : metric;
    }

    /** One value of the metric: "92.5" (a percentage, with the label saying so) or "0.137"; "–" for none. */
    static String value(String metric, double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return percent(metric) ? String.format(Locale.ROOT, "%.1f", 100 * v) : significant(v);
    }

    /** "[lo, hi]" of the metric. */
    static String interval(String metric, double low, double high) {
        return "[" + value(metric, low) + ", " + value(metric, high) + "]";
    }

    /** 3 significant digits: 0.137, 0.00137, 1.00, 1.37e-05 (below 10⁻⁴) and 1.37e+06 (from 10⁶). */
    static String significant(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "–" : String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        if (abs < 1e-4 || abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new BigDecimal(v).round(DIGITS).toPlainString();
    }

    /**
     * A table as shown: every column whose header is a metric in [0, 1] as percentages (its header saying "(%)"),
     * other numbers with 3 significant digits, whole numbers and text as they are.
     */
    static ResultTable shown(ResultTable data) {
        List<String> header = data.header().stream().map(MetricFormat::label).toList();
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : data.rows()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                String metric = c < data.header().size() ? data.header().get(c) : "";
                cells.add(cell(metric, row.get(c)));
            }
            rows.add(cells);
        }
        return new ResultTable(data.caption(), header, rows);
    }

    private static String cell(String metric, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return text == null ? "" : text;
        }
        double v = CsvTable.number(t);
        if (percent(metric)) {
            return value(metric, v);
        }
        if (t.matches("[-+]?\\d+")) {
            return t;
        }
        boolean measured = MetricScale.of(metric) != MetricScale.UNBOUNDED || "objective".equals(metric);
        String shown = significant(v);
        // a setting (a learning rate, a swept value) reads as written, without padding zeros
        return measured || shown.contains("e") ? shown : new BigDecimal(shown).stripTrailingZeros().toPlainString();
    }
}
