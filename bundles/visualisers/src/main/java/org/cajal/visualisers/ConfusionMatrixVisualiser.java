package org.cajal.visualisers;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.osgi.service.component.annotations.Component;

/**
 * The confusion matrix of evaluation.json as a heat map: rows are the actual classes (top to bottom), columns the
 * predicted ones, each cell coloured from white (none) to blue and labelled with its count.
 */
@Component(service = Visualiser.class)
public final class ConfusionMatrixVisualiser implements Visualiser {

    static final String ID = "confusion-matrix";
    static final String NORMALISE = "normalise";
    static final String NONE = "none";
    static final String ROWS = "rows";
    static final String MATRIX = "confusionMatrix";
    /** Above this many classes the cells are too small for their counts to be written. */
    static final int MAX_LABELLED = 30;


    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Confusion matrix",
            "Evaluation",
            "How the evaluated examples of each actual class (rows) were classified (columns). The diagonal holds "
                    + "the correct predictions; a dark cell off the diagonal names two classes the model confuses. "
                    + "Normalised by rows, each row shows the share of that class predicted as each class, so the "
                    + "diagonal is the per-class recall and rare classes are as visible as common ones.",
            List.of(ParameterSpec.choice(NORMALISE, List.of(NONE, ROWS))
                    .help("none: colour by count; rows: colour by the share of the actual class's examples (the "
                            + "cells then show the percentage and the count).")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return run != null && Plots.squareMatrix(run.evaluation().get(MATRIX)) != null;
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run, parameters));
    }

    /**
     * The chart that {@link #render} draws. Its dataset (series 0) holds one item per cell: x = predicted class,
     * y = actual class, z = the count (or the row share when normalised by rows).
     */
    JFreeChart chart(RunRecord run, Parameters parameters) {
        long[][] counts = Plots.squareMatrix(run.evaluation().get(MATRIX));
        if (counts == null) {
            throw new IllegalArgumentException(ID + ": the evaluation of run " + run.runId()
                    + " has no square confusionMatrix (only classification runs have one)");
        }
        boolean rows = ROWS.equals(parameters.getString(NORMALISE));
        int n = counts.length;
        List<String> labels = Plots.classLabels(run.evaluation(), n);

        long max = 0;
        for (long[] row : counts) {
            for (long c : row) {
                max = Math.max(max, c);
            }
        }
        XYPlot plot = new XYPlot();
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(rows ? "share of actual class" : "count", cells(plot, counts, rows, max));

        double upper = rows ? 1.0 : Math.max(1, max);
        PaintScale scale = ChartDrawings.whiteToBlue(upper);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(1.0);
        renderer.setBlockHeight(1.0);

        String[] names = labels.toArray(String[]::new);
        SymbolAxis predictedAxis = classAxis("predicted class", names);
        if (n > 8) {
            predictedAxis.setVerticalTickLabels(true);
        }
        SymbolAxis actualAxis = classAxis("actual class", names);
        actualAxis.setInverted(true);

        plot.setDataset(dataset);
        plot.setRenderer(renderer);
        plot.setDomainAxis(predictedAxis);
        plot.setRangeAxis(actualAxis);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);

        JFreeChart chart = new JFreeChart(rows ? "Confusion matrix (row shares)" : "Confusion matrix",
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis scaleAxis = new NumberAxis(rows ? "share" : "count");
        scaleAxis.setRange(0, upper);
        if (!rows) {
            scaleAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ChartDrawings.addColourLegend(chart, scale, scaleAxis);
        ChartDrawings.style(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /**
     * The heat map's items (x = predicted class, y = actual class, z = count or row share), each cell labelled on
     * the plot while there are at most {@link #MAX_LABELLED} classes.
     */
    private static double[][] cells(XYPlot plot, long[][] counts, boolean rows, long max) {
        int n = counts.length;
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        Font cellFont = new Font(Font.SANS_SERIF, Font.BOLD, n <= 6 ? 13 : n <= 12 ? 11 : 9);
        for (int actual = 0; actual < n; actual++) {
            long total = 0;
            for (long c : counts[actual]) {
                total += c;
            }
            for (int predicted = 0; predicted < n; predicted++) {
                int i = actual * n + predicted;
                long count = counts[actual][predicted];
                double share = total == 0 ? 0 : (double) count / total;
                xs[i] = predicted;
                ys[i] = actual;
                zs[i] = rows ? share : count;
                double level = rows ? share : max == 0 ? 0 : (double) count / max;
                if (n <= MAX_LABELLED) {
                    String text = rows && n <= 12
                            ? String.format(Locale.ROOT, "%.0f%% (%d)", share * 100, count)
                            : rows ? String.format(Locale.ROOT, "%.0f%%", share * 100) : Long.toString(count);
                    XYTextAnnotation label = new XYTextAnnotation(text, predicted, actual);
                    label.setFont(cellFont);
                    label.setPaint(level > 0.55 ? Color.WHITE : new Color(0x222222));
                    plot.addAnnotation(label);
                }
            }
        }
        return new double[][] {xs, ys, zs};
    }

    /** An axis of class names, one cell per class. */
    private static SymbolAxis classAxis(String label, String[] names) {
        SymbolAxis axis = new SymbolAxis(label, names);
        axis.setGridBandsVisible(false);
        axis.setRange(-0.5, names.length - 0.5);
        return axis;
    }
}
