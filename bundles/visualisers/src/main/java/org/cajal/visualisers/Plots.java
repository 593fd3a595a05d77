package org.cajal.visualisers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.title.TextTitle;

/** Helpers shared by the visualisers: colours, reading evaluation.json values, checks on a run's data. */
final class Plots {

    /** Dashed grey for reference lines (chance diagonal, y = x). */
    static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final Color REFERENCE = new Color(0x777777);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Plots() {
    }

    /** The colour of class {@code index} (the Cajal series colours, repeated after eight). */
    static Color classColour(int index) {
        return ChartDrawings.SERIES[Math.floorMod(index, ChartDrawings.SERIES.length)];
    }

    /** A small plain subtitle line. */
    static TextTitle subtitle(String text) {
        TextTitle title = new TextTitle(text);
        title.setFont(SUBTITLE_FONT);
        title.setPaint(new Color(0x555555));
        return title;
    }

    /** Whether the run has data and its target is one of the given kinds (cheap: no predictions are loaded). */
    static boolean hasData(RunRecord run, TargetKind... kinds) {
        if (run == null) {
            return false;
        }
        RunData data = run.runData().orElse(null);
        if (data == null) {
            return false;
        }
        if (kinds.length == 0) {
            return true;
        }
        TargetKind kind = data.targetKind();
        for (TargetKind k : kinds) {
            if (k == kind) {
                return true;
            }
        }
        return false;
    }

    /** The run's data; the message says what is missing (render was called although accepts said no). */
    static RunData data(RunRecord run, String visualiser) {
        return run.runData().orElseThrow(() -> new IllegalArgumentException(visualiser + ": run " + run.runId()
                + " has no predictions or model (it did not finish its evaluation); train it to the end first"));
    }

    /** The values of a metric column, or null if the run's table has no such column or only missing values. */
    static double[] finiteColumn(RunRecord run, String name) {
        double[] values = run.column(name).orElse(null);
        if (values == null) {
            return null;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                return values;
            }
        }
        return null;
    }

    /** The epoch numbers of the metric rows (the {@code epoch} column, else 1, 2, 3 ...). */
    static double[] epochs(RunRecord run) {
        double[] epochs = run.column("epoch").orElse(null);
        if (epochs != null) {
            return epochs;
        }
        double[] out = new double[run.metrics().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = i + 1;
        }
        return out;
    }

    /**
     * A square matrix of counts from evaluation.json ({@code [[20, 0], [1, 19]]} as lists of numbers, or a
     * {@code long[][]}/{@code int[][]}), or null if the value is missing or not a square matrix of numbers.
     */
    static long[][] squareMatrix(Object value) {
        List<?> rows = asList(value);
        if (rows == null || rows.isEmpty()) {
            return null;
        }
        long[][] out = new long[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            List<?> row = asList(rows.get(r));
            if (row == null || row.size() != out.length) {
                return null;
            }
            out[r] = new long[row.size()];
            for (int c = 0; c < row.size(); c++) {
                if (!(row.get(c) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    return null;
                }
                out[r][c] = Math.round(n.doubleValue());
            }
        }
        return out;
    }

    /** Labels from evaluation.json's {@code classes}, or the indices 0 .. n-1 if absent or of the wrong size. */
    static List<String> classLabels(Map<String, Object> evaluation, int count) {
        List<?> classes = asList(evaluation.get("classes"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(classes != null && classes.size() == count ? String.valueOf(classes.get(i)) : Integer.toString(i));
        }
        return out;
    }

    private static List<?> asList(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Object[] array) {
            return List.of(array);
        }
        if (value instanceof int[] ints) {
            return java.util.Arrays.stream(ints).boxed().toList();
        }
        if (value instanceof long[] longs) {
            return java.util.Arrays.stream(longs).boxed().toList();
        }
        if (value instanceof double[] doubles) {
            return java.util.Arrays.stream(doubles).boxed().toList();
        }
        return null;
    }

    /** A class name for index {@code i} from the run's class names, else the index. */
    static String className(List<String> names, int i) {
        return i >= 0 && i < names.size() ? names.get(i) : Integer.toString(i);
    }

    /** Formats a number briefly (3 significant decimals). */
    static String brief(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** An integer parameter checked against a bound the descriptor cannot know (e.g. the number of features). */
    static int index(String visualiser, String key, int value, int count, String what) {
        if (value < 0 || value >= count) {
            throw new IllegalArgumentException(visualiser + ": " + key + " = " + value + " is out of range; the run has "
                    + count + " " + what + " (0 .. " + (count - 1) + ")");
        }
        return value;
    }
}
