package org.cajal.visualisers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Histograms of per-layer numbers (weights or activations): one layer's values as counts, or all layers overlaid
 * as shares of each layer's values over common bins, so that layers of different sizes compare.
 */
abstract class HistogramVisualiser implements Visualiser {

    static final String LAYER = "layer";
    static final String BINS = "bins";

    /** A histogram: {@code counts[b]} values fell in [{@code low + b * width}, {@code low + (b + 1) * width}). */
    record Histogram(double low, double high, long[] counts, long values, long zeros, long nonFinite) {

        double width() {
            return (high - low) / counts.length;
        }

        long total() {
            long sum = 0;
            for (long c : counts) {
                sum += c;
            }
            return sum;
        }
    }

    static List<ParameterSpec> parameters(String what) {
        return List.of(
                ParameterSpec.integer(LAYER, -1).atLeast(-1)
                        .help("Index of the layer to show (0 = the first layer); -1 overlays all layers, each as "
                                + "shares of its own " + what + "."),
                ParameterSpec.integer(BINS, 40).range(5, 200).help("Number of equal-width bins."));
    }

    @Override
    public boolean accepts(RunRecord run) {
        return Plots.hasData(run) && run.runData().orElseThrow().modelAvailable();
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run, parameters));
    }

    /** The per-layer numbers to draw (loaded from the run's model). */
    abstract List<RunData.Values> values(RunData data);

    /** "weights" or "activations". */
    abstract String what();

    /** Whether the legend gives each layer's share of exact zeros (inactive ReLU units). */
    abstract boolean showZeros();

    /**
     * The chart that {@link #render} draws: one series per layer, each item a bin whose y is the count (one layer)
     * or the share of the layer's values (all layers).
     */
    JFreeChart chart(RunRecord run, Parameters parameters) {
        String id = descriptor().id();
        RunData data = Plots.data(run, id);
        List<RunData.Values> layers = values(data);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(id + ": the model of run " + run.runId() + " has no layers with " + what());
        }
        int layer = parameters.getInt(LAYER);
        int bins = parameters.getInt(BINS);
        List<RunData.Values> shown = new ArrayList<>();
        if (layer >= 0) {
            RunData.Values values = layers.get(Plots.index(id, LAYER, layer, layers.size(), "layers"));
            if (values.values().length == 0) {
                throw new IllegalArgumentException(id + ": layer " + layer + " (" + values.name() + ") has no "
                        + what() + "; choose another layer or -1 for all");
            }
            shown.add(values);
        } else {
            for (RunData.Values values : layers) {
                if (values.values().length > 0) {
                    shown.add(values);
                }
            }
            if (shown.isEmpty()) {
                throw new IllegalArgumentException(id + ": no layer of run " + run.runId() + " has " + what());
            }
        }
        double[] range = range(shown);
        boolean shares = layer < 0;
        XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
        for (RunData.Values values : shown) {
            Histogram h = histogram(values.values(), range[0], range[1], bins);
            XYIntervalSeries series = new XYIntervalSeries(legend(values.name(), h));
            double finite = Math.max(1, h.values() - h.nonFinite());
            for (int b = 0; b < bins; b++) {
                double from = h.low() + b * h.width();
                double y = shares ? h.counts()[b] / finite : h.counts()[b];
                series.add(from + h.width() / 2, from, from + h.width(), y, y, y);
            }
            dataset.addSeries(series);
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setMargin(shares ? 0 : 0.05);
        NumberAxis valueAxis = new NumberAxis(what().equals("weights") ? "weight value" : "activation value");
        valueAxis.setAutoRangeIncludesZero(false);
        NumberAxis countAxis = new NumberAxis(shares ? "share of the layer's " + what() : "count");
        XYPlot plot = new XYPlot(dataset, valueAxis, countAxis, renderer);
        String title = (what().equals("weights") ? "Weights" : "Activations")
                + (shares ? " of all layers" : ": " + shown.get(0).name());
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (shares && shown.size() > 1) {
            plot.setForegroundAlpha(0.55f);
        }
        return ChartDrawings.style(chart);
    }

    private String legend(String name, Histogram h) {
        StringBuilder text = new StringBuilder(name).append(" (").append(h.values()).append(" values");
        if (showZeros() && h.zeros() > 0) {
            text.append(String.format(Locale.ROOT, ", %.1f%% exactly 0", 100.0 * h.zeros() / h.values()));
        }
        return text.append(')').toString();
    }

    /** The smallest and largest finite value of all the layers (widened to a unit range if they are equal). */
    static double[] range(List<RunData.Values> layers) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (RunData.Values layer : layers) {
            for (float v : layer.values()) {
                if (Float.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (low > high) {
            return new double[] {-1, 1};
        }
        if (low == high) {
            return new double[] {low - 0.5, high + 0.5};
        }
        return new double[] {low, high};
    }

    /**
     * Counts the values in {@code bins} equal-width bins from {@code low} to {@code high}; the last bin includes
     * {@code high}, values outside the range go to the nearest end bin. NaN and infinite values are counted in
     * {@code nonFinite} only, so the bin counts sum to {@code values - nonFinite}.
     */
    static Histogram histogram(float[] values, double low, double high, int bins) {
        if (bins < 1 || !(high > low)) {
            throw new IllegalArgumentException("a histogram needs at least one bin and high > low");
        }
        long[] counts = new long[bins];
        long zeros = 0;
        long nonFinite = 0;
        double scale = bins / (high - low);
        for (float v : values) {
            if (!Float.isFinite(v)) {
                nonFinite++;
                continue;
            }
            if (v == 0f) {
                zeros++;
            }
            int b = (int) Math.floor((v - low) * scale);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return new Histogram(low, high, counts, values.length, zeros, nonFinite);
    }
}
