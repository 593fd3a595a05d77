package org.cajal.workbench.run;

import java.awt.BasicStroke;
import java.awt.Dimension;

import org.cajal.api.train.TrainingEvent;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The two live charts of the training view.
 *
 * <ul>
 *   <li>Loss per epoch: dataset 0 holds the training and validation loss (series 0 {@code train loss}, series 1
 *       {@code validation loss}; an epoch without validation adds no validation point), dataset 1 on a second
 *       axis at the right holds the validation metric ({@code validation accuracy}, {@code validation mse}).</li>
 *   <li>Loss per mini-batch: the training loss of every iteration. A long run keeps at most
 *       {@link #MAX_BATCH_POINTS} points: when the series is full, neighbouring points are merged pairwise
 *       (each point becomes the mean loss of twice as many batches), so the chart always covers the whole run.</li>
 * </ul>
 *
 * <p>K-fold cross-validation: each fold gets its own series, named after the fold ({@code fold 1 train loss},
 * {@code fold 1 validation loss}, {@code fold 2 train loss}, ...), so the folds can be compared on one chart;
 * the batch chart likewise has one series per fold ({@code fold 1}, ...), and the point budget is shared among
 * the folds. The charts keep their data after the run and are cleared when the next run starts.
 * Event-dispatch thread.
 */
final class TrainingCharts {

    /** The batch chart keeps at most this many points (over all its series). */
    static final int MAX_BATCH_POINTS = 5000;

    private final XYSeriesCollection losses = new XYSeriesCollection();
    private final XYSeriesCollection metrics = new XYSeriesCollection();
    private final XYSeriesCollection batches = new XYSeriesCollection();
    private final JFreeChart lossChart;
    private final JFreeChart batchChart;
    private final ChartPanel lossPanel;
    private final ChartPanel batchPanel;
    private final NumberAxis metricAxis = new NumberAxis("validation metric");

    private String prefix = "";
    private XYSeries train;
    private XYSeries validation;
    private XYSeries metric;
    private XYSeries batchSeries;
    private int batchBudget = MAX_BATCH_POINTS;
    /** Batches that one point of the batch chart stands for (doubles whenever the series is compacted). */
    private int stride = 1;
    private double bucketSum;
    private int bucketCount;
    private long bucketLastIteration;

    TrainingCharts() {
        lossChart = createLossChart();
        batchChart = createBatchChart();
        lossPanel = panel(lossChart, "run.lossChart");
        batchPanel = panel(batchChart, "run.batchChart");
        begin("", 1);
    }

    ChartPanel lossPanel() {
        return lossPanel;
    }

    ChartPanel batchPanel() {
        return batchPanel;
    }

    JFreeChart lossChart() {
        return lossChart;
    }

    JFreeChart batchChart() {
        return batchChart;
    }

    /** The per-epoch losses (series 0 train, 1 validation; more for further folds). */
    XYSeriesCollection losses() {
        return losses;
    }

    /** The per-epoch validation metric (one series per fold, created at its first value). */
    XYSeriesCollection metrics() {
        return metrics;
    }

    /** The per-batch training loss (one series per fold). */
    XYSeriesCollection batches() {
        return batches;
    }

    /** Removes every series: a new run begins. */
    void clear() {
        losses.removeAllSeries();
        metrics.removeAllSeries();
        batches.removeAllSeries();
        metricAxis.setLabel("validation metric");
        train = null;
        validation = null;
        metric = null;
        batchSeries = null;
    }

    /**
     * Starts the series of a run, or of one fold of a k-fold run.
     *
     * @param fold  1-based fold number, or 0 for a run without folds
     * @param folds how many folds the run has (the batch chart's budget is shared among them)
     */
    void begin(int fold, int folds) {
        begin(fold > 0 ? "fold " + fold + " " : "", Math.max(1, folds));
    }

    private void begin(String seriesPrefix, int folds) {
        flush();
        prefix = seriesPrefix;
        train = add(losses, prefix + "train loss");
        validation = add(losses, prefix + "validation loss");
        metric = null;
        batchSeries = add(batches, prefix.isEmpty() ? "training loss" : prefix.strip());
        batchBudget = Math.max(100, MAX_BATCH_POINTS / folds);
        stride = 1;
        bucketSum = 0;
        bucketCount = 0;
        restyle();
    }

    /** One point per epoch: training loss, validation loss and metric (NaN values are skipped). */
    void epoch(TrainingEvent.EpochCompleted e) {
        if (train == null) {
            begin("", 1);
        }
        if (Double.isFinite(e.trainLoss())) {
            train.addOrUpdate(e.epoch(), e.trainLoss());
        }
        if (Double.isFinite(e.validationLoss())) {
            validation.addOrUpdate(e.epoch(), e.validationLoss());
        }
        if (Double.isFinite(e.validationMetric())) {
            String name = e.metricName() == null || e.metricName().isBlank() ? "metric" : e.metricName();
            if (metric == null) {
                metric = add(metrics, prefix + "validation " + name);
                metricAxis.setLabel("validation " + name);
                restyle();
            }
            metric.addOrUpdate(e.epoch(), e.validationMetric());
        }
    }

    /** The training loss of one iteration (merged into buckets once the run is long). */
    void batch(TrainingEvent.BatchCompleted e) {
        if (batchSeries == null) {
            begin("", 1);
        }
        if (!Double.isFinite(e.loss())) {
            return;
        }
        bucketSum += e.loss();
        bucketCount++;
        bucketLastIteration = (long) (e.epoch() - 1) * e.batchesPerEpoch() + e.batch();
        if (bucketCount >= stride) {
            flush();
            if (batchSeries.getItemCount() >= batchBudget) {
                compact();
            }
        }
    }

    /** Adds the partly filled bucket (at the end of a run or fold). */
    void flush() {
        if (batchSeries != null && bucketCount > 0) {
            batchSeries.add(bucketLastIteration, bucketSum / bucketCount);
        }
        bucketSum = 0;
        bucketCount = 0;
    }

    /** Halves the points: each pair becomes one point at the later iteration with the mean loss. */
    private void compact() {
        int n = batchSeries.getItemCount();
        double[][] merged = new double[(n + 1) / 2][2];
        for (int i = 0, j = 0; i < n; i += 2, j++) {
            if (i + 1 < n) {
                merged[j][0] = batchSeries.getX(i + 1).doubleValue();
                merged[j][1] = (batchSeries.getY(i).doubleValue() + batchSeries.getY(i + 1).doubleValue()) / 2;
            } else {
                merged[j][0] = batchSeries.getX(i).doubleValue();
                merged[j][1] = batchSeries.getY(i).doubleValue();
            }
        }
        batchSeries.clear();
        for (double[] p : merged) {
            batchSeries.add(p[0], p[1], false);
        }
        batchSeries.fireSeriesChanged();
        stride *= 2;
    }

    private static XYSeries add(XYSeriesCollection collection, String key) {
        XYSeries s = new XYSeries(key, true, false);
        collection.addSeries(s);
        return s;
    }

    private JFreeChart createLossChart() {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        NumberAxis lossAxis = new NumberAxis("loss");
        lossAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(losses, epochAxis, lossAxis, new XYLineAndShapeRenderer(true, true));
        metricAxis.setAutoRangeIncludesZero(false);
        plot.setRangeAxis(1, metricAxis);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, metrics);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, new XYLineAndShapeRenderer(true, true));
        JFreeChart chart = new JFreeChart("Loss per epoch", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartDrawings.style(chart);
    }

    private JFreeChart createBatchChart() {
        NumberAxis iterationAxis = new NumberAxis("iteration");
        iterationAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis lossAxis = new NumberAxis("training loss");
        lossAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(batches, iterationAxis, lossAxis, new XYLineAndShapeRenderer(true, false));
        JFreeChart chart = new JFreeChart("Training loss per mini-batch", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartDrawings.style(chart);
    }

    /**
     * Lines: the training loss is solid, the validation loss dashed and the validation metric (right axis)
     * dotted. Without folds they are blue, orange and green; with folds each fold has its own colour pair
     * (training, validation) and its metric is dotted in the fold's training colour.
     */
    private void restyle() {
        XYPlot plot = lossChart.getXYPlot();
        XYLineAndShapeRenderer lossRenderer = (XYLineAndShapeRenderer) plot.getRenderer(0);
        XYLineAndShapeRenderer metricRenderer = (XYLineAndShapeRenderer) plot.getRenderer(1);
        BasicStroke solid = new BasicStroke(2f);
        BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
        BasicStroke dotted = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                new float[] {1f, 4f}, 0f);
        boolean folds = !prefix.isEmpty();
        for (int i = 0; i < losses.getSeriesCount(); i++) {
            lossRenderer.setSeriesPaint(i, colour(i));
            lossRenderer.setSeriesStroke(i, i % 2 == 0 ? solid : dashed);
        }
        for (int i = 0; i < metrics.getSeriesCount(); i++) {
            metricRenderer.setSeriesPaint(i, folds ? colour(2 * i) : colour(2));
            metricRenderer.setSeriesStroke(i, dotted);
        }
        XYLineAndShapeRenderer batchRenderer = (XYLineAndShapeRenderer) batchChart.getXYPlot().getRenderer();
        for (int i = 0; i < batches.getSeriesCount(); i++) {
            batchRenderer.setSeriesPaint(i, colour(i));
            batchRenderer.setSeriesStroke(i, new BasicStroke(1f));
        }
    }

    private static java.awt.Color colour(int i) {
        return ChartDrawings.SERIES[i % ChartDrawings.SERIES.length];
    }

    private static ChartPanel panel(JFreeChart chart, String name) {
        ChartPanel panel = new ChartPanel(chart, false, true, false, true, true);
        panel.setName(name);
        panel.setMouseWheelEnabled(true);
        panel.setPreferredSize(new Dimension(600, 300));
        panel.setMinimumDrawWidth(100);
        panel.setMinimumDrawHeight(100);
        panel.setMaximumDrawWidth(4000);
        panel.setMaximumDrawHeight(3000);
        return panel;
    }
}
