package org.cajal.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.visual.Drawing;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The chart drawn most often: named series of values over one numeric axis (epochs, trials, a swept value), in
 * Cajal's style. A series is a line, a line with a shaded band (a chart with any band draws every series that
 * way), or points only; pairs where x or y is not finite are left out. Build it, then take its {@link #chart()}
 * or a {@link #drawing()} to write with {@link ChartDrawings}.
 */
public final class LineChart {

    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private record Series(String name, double[] x, double[] y, double[] low, double[] high, boolean points) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean markers;
    private boolean wholeX;
    private boolean logY;

    private LineChart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** An empty chart with its title and axis labels. */
    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel);
    }

    /** Adds a line (a name already used gets " (2)", " (3)" ... appended). */
    public LineChart line(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, null, null, false));
        return this;
    }

    /** Adds a line with a shaded band from {@code low} to {@code high} (a non-finite bound is the value). */
    public LineChart band(String name, double[] x, double[] y, double[] low, double[] high) {
        series.add(new Series(name, x, y, low, high, false));
        return this;
    }

    /** Adds a series drawn as points without a line. */
    public LineChart points(String name, double[] x, double[] y) {
        series.add(new Series(name, x, y, null, null, true));
        return this;
    }

    /** Whether lines also mark each point with a shape (off by default). */
    public LineChart markers(boolean on) {
        markers = on;
        return this;
    }

    /** Ticks on the x axis at whole numbers only (epochs, trials). */
    public LineChart wholeNumbersOnX() {
        wholeX = true;
        return this;
    }

    /** A logarithmic y axis; the caller leaves out values of 0 or less. */
    public LineChart logarithmicY() {
        logY = true;
        return this;
    }

    /** A small line of text under the title. */
    public LineChart note(String text) {
        notes.add(text);
        return this;
    }

    /** Whether no series was added. */
    public boolean isEmpty() {
        return series.isEmpty();
    }

    /** The chart as a drawing. */
    public Drawing drawing() {
        return ChartDrawings.of(chart());
    }

    /** The JFreeChart, styled (built as JFreeChart's own factory builds a line chart, then Cajal's style). */
    public JFreeChart chart() {
        boolean banded = series.stream().anyMatch(s -> s.low() != null);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(banded ? bandData() : lineData(), x, new NumberAxis(yLabel),
                new XYLineAndShapeRenderer(true, false));
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        ChartFactory.getChartTheme().apply(chart);
        XYItemRenderer renderer = banded ? new DeviationRenderer(true, false) : lineRenderer();
        plot.setRenderer(renderer);
        if (wholeX) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (logY) {
            LogAxis axis = new LogAxis(yLabel);
            axis.setAutoRange(true);
            plot.setRangeAxis(axis);
        } else {
            ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        }
        ChartDrawings.style(chart);
        if (renderer instanceof DeviationRenderer deviation) {
            shade(deviation, plot.getDataset().getSeriesCount());
        }
        for (String note : notes) {
            chart.addSubtitle(new TextTitle(note, NOTE_FONT));
        }
        return chart;
    }

    private XYLineAndShapeRenderer lineRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).points()) {
                renderer.setSeriesLinesVisible(i, false);
                renderer.setSeriesShapesVisible(i, true);
            }
        }
        return renderer;
    }

    private static void shade(DeviationRenderer renderer, int count) {
        renderer.setAlpha(0.2f);
        for (int i = 0; i < count; i++) {
            Color colour = ChartDrawings.SERIES[i % ChartDrawings.SERIES.length];
            renderer.setSeriesPaint(i, colour);
            renderer.setSeriesFillPaint(i, colour);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
    }

    private XYDataset lineData() {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Series s : series) {
            XYSeries out = new XYSeries(unique(data, s.name()), true, true);
            for (int i = 0; i < s.x().length && i < s.y().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    out.add(s.x()[i], s.y()[i]);
                }
            }
            data.addSeries(out);
        }
        return data;
    }

    private XYDataset bandData() {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Series s : series) {
            YIntervalSeries out = new YIntervalSeries(unique(data, s.name()), false, true);
            double[] low = s.low() != null ? s.low() : s.y();
            double[] high = s.high() != null ? s.high() : s.y();
            for (int i = 0; i < s.x().length && i < s.y().length; i++) {
                double y = s.y()[i];
                if (Double.isFinite(s.x()[i]) && Double.isFinite(y)) {
                    out.add(s.x()[i], y, Double.isFinite(low[i]) ? low[i] : y, Double.isFinite(high[i]) ? high[i] : y);
                }
            }
            data.addSeries(out);
        }
        return data;
    }

    private static String unique(XYDataset data, String name) {
        String candidate = name;
        for (int n = 2; data.indexOf(candidate) >= 0; n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }
}
