package org.cajal.experiments.internal.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.runfolder.CsvTable;
import org.cajal.experiments.internal.exec.TrialExecutor;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A sweep's sweep.csv (rewritten after every trial) and, when it ends, sweep.png and sweep.svg: training,
 * validation and test error against the swept value. With several repeats per value each number is the mean over
 * the repeats that finished.
 *
 * <p>What "error" is, decided once for the whole sweep from the first finished run's metrics.csv:
 * <ul>
 *   <li>{@link Measure#ERROR_RATE} when metrics.csv has {@code train_accuracy}: 1 − train_accuracy,
 *       1 − validation_accuracy and 1 − evaluation.json's accuracy;</li>
 *   <li>{@link Measure#MSE} when it has {@code train_mse}: train_mse, validation_mse and evaluation.json's mse;</li>
 *   <li>{@link Measure#LOSS} otherwise (today's runs: metrics.csv has train_loss but no other training-set
 *       metric): train_loss, validation_loss at the last epoch, and as test loss the evaluation.json number that
 *       matches the training loss: logLoss for cross-entropy losses, mse for mse, mae for mae.</li>
 * </ul>
 * The test error is taken only when evaluation.json's split is {@code test}; a column no run has is left out of
 * sweep.csv.
 */
public final class SweepResults implements TrialExecutor.Hooks {

    /** What the error columns hold. */
    public enum Measure {
        ERROR_RATE("error (1 − accuracy)"), MSE("mean squared error"), LOSS("loss");

        final String label;

        Measure(String label) {
            this.label = label;
        }
    }

    private final Path folder;
    private final Sweep sweep;
    private final ExperimentListener listener;

    public SweepResults(Path folder, Sweep sweep, ExperimentListener listener) {
        this.folder = folder;
        this.sweep = sweep;
        this.listener = listener;
    }

    /** One row of sweep.csv (NaN where a number is missing). */
    record Row(Object value, int runs, double train, double validation, double test, Map<String, Double> metrics) {
    }

    /** The measure used for all rows, from the first finished run. */
    static Measure measure(RunOutcome first) {
        if (first.table().columns().contains("train_accuracy")) {
            return Measure.ERROR_RATE;
        }
        if (first.table().columns().contains("train_mse")) {
            return Measure.MSE;
        }
        return Measure.LOSS;
    }

    /** The evaluation.json number that is the test loss for this training loss, or null. */
    static String testLossKey(String loss) {
        String l = loss.toLowerCase(Locale.ROOT);
        if (l.contains("cross-entropy") || l.contains("crossentropy") || l.contains("xent") || l.contains("log")) {
            return "logLoss";
        }
        if (l.contains("mse") || l.contains("squared")) {
            return "mse";
        }
        if (l.contains("mae") || l.contains("absolute")) {
            return "mae";
        }
        return null;
    }

    private Measure measure;

    List<Row> rows(List<Trial> recorded) throws IOException {
        Map<Integer, List<RunOutcome>> byValue = new LinkedHashMap<>();
        for (Trial t : recorded) {
            if (t.finished() && t.run() != null) {
                RunOutcome o = RunOutcome.read(t.run());
                if (measure == null) {
                    measure = measure(o);
                }
                byValue.computeIfAbsent((t.number() - 1) / sweep.repeats(), k -> new ArrayList<>()).add(o);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sweep.values().size(); i++) {
            List<RunOutcome> runs = byValue.get(i);
            if (runs == null) {
                continue;
            }
            double[] sums = new double[3];
            int[] counts = new int[3];
            Map<String, double[]> metricSums = new LinkedHashMap<>();
            for (RunOutcome o : runs) {
                double[] e = errors(o);
                for (int k = 0; k < 3; k++) {
                    if (Double.isFinite(e[k])) {
                        sums[k] += e[k];
                        counts[k]++;
                    }
                }
                o.metrics().forEach((name, v) -> {
                    double[] acc = metricSums.computeIfAbsent(name, x -> new double[2]);
                    if (Double.isFinite(v)) {
                        acc[0] += v;
                        acc[1]++;
                    }
                });
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            metricSums.forEach((name, acc) -> metrics.put(name, acc[1] == 0 ? Double.NaN : acc[0] / acc[1]));
            rows.add(new Row(sweep.values().get(i), runs.size(), mean(sums[0], counts[0]), mean(sums[1], counts[1]),
                    mean(sums[2], counts[2]), metrics));
        }
        return rows;
    }

    private static double mean(double sum, int n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Training, validation and test error of one run under the sweep's measure. */
    double[] errors(RunOutcome o) {
        boolean test = "test".equals(o.split());
        return switch (measure) {
            case ERROR_RATE -> new double[] {1 - o.last("train_accuracy"),
                    1 - o.last("validation_accuracy"),
                    test && o.metrics().containsKey("accuracy") ? 1 - o.metrics().get("accuracy") : Double.NaN};
            case MSE -> new double[] {o.last("train_mse"), o.last("validation_mse"),
                    test && o.metrics().containsKey("mse") ? o.metrics().get("mse") : Double.NaN};
            case LOSS -> {
                String key = testLossKey(sweep.loss());
                yield new double[] {o.last("train_loss"), o.last("validation_loss"),
                        test && key != null && o.metrics().containsKey(key) ? o.metrics().get(key) : Double.NaN};
            }
        };
    }

    @Override
    public void trialsChanged(List<Trial> recorded) throws IOException {
        write(rows(recorded));
    }

    @Override
    public void ended(List<Trial> recorded) throws IOException {
        List<Row> rows = rows(recorded);
        write(rows);
        if (!rows.isEmpty()) {
            chart(rows);
            listener.message("sweep.csv, sweep.png and sweep.svg in " + folder + ": " + describe());
        }
    }

    /** What the error columns hold, in words. */
    String describe() {
        if (measure == null) {
            return "no finished runs";
        }
        return switch (measure) {
            case ERROR_RATE -> "errors are 1 − accuracy (train_accuracy, validation_accuracy of the last epoch; "
                    + "the test split's accuracy)";
            case MSE -> "errors are mean squared errors (train_mse, validation_mse of the last epoch; the test "
                    + "split's mse)";
            case LOSS -> "errors are losses (train_loss, validation_loss of the last epoch"
                    + (testLossKey(sweep.loss()) == null ? "; no test loss for the loss " + sweep.loss()
                    : "; the test split's " + testLossKey(sweep.loss())) + ")";
        };
    }

    private void write(List<Row> rows) throws IOException {
        boolean[] has = new boolean[3];
        Set<String> metrics = new LinkedHashSet<>();
        for (Row r : rows) {
            has[0] |= Double.isFinite(r.train());
            has[1] |= Double.isFinite(r.validation());
            has[2] |= Double.isFinite(r.test());
            metrics.addAll(r.metrics().keySet());
        }
        String[] names = {"train_error", "validation_error", "test_error"};
        List<String> header = new ArrayList<>(List.of("value"));
        for (int k = 0; k < 3; k++) {
            if (has[k]) {
                header.add(names[k]);
            }
        }
        header.addAll(metrics);
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            List<String> row = new ArrayList<>(List.of(CsvTable.cell(r.value())));
            double[] e = {r.train(), r.validation(), r.test()};
            for (int k = 0; k < 3; k++) {
                if (has[k]) {
                    row.add(CsvTable.cell(e[k]));
                }
            }
            metrics.forEach(m -> row.add(CsvTable.cell(r.metrics().get(m))));
            cells.add(row);
        }
        new CsvTable(header, cells).write(folder.resolve(ExperimentFiles.SWEEP));
    }

    private void chart(List<Row> rows) throws IOException {
        XYSeries train = new XYSeries("training");
        XYSeries validation = new XYSeries("validation");
        XYSeries test = new XYSeries("test");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Row r : rows) {
            double x = ((Number) r.value()).doubleValue();
            min = Math.min(min, x);
            max = Math.max(max, x);
            add(train, x, r.train());
            add(validation, x, r.validation());
            add(test, x, r.test());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (XYSeries s : List.of(train, validation, test)) {
            if (s.getItemCount() > 0) {
                data.addSeries(s);
            }
        }
        String xLabel = Sweep.DEPTH.equals(sweep.path()) ? "hidden layers" : sweep.path();
        JFreeChart chart = ChartFactory.createXYLineChart("Capacity sweep: " + xLabel, xLabel,
                measure == null ? "error" : measure == Measure.LOSS && !sweep.loss().isEmpty()
                        ? "loss (" + sweep.loss() + ")" : measure.label, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, true));
        boolean whole = rows.stream().allMatch(r -> ((Number) r.value()).doubleValue()
                == Math.rint(((Number) r.value()).doubleValue()));
        if (whole && plot.getDomainAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
            axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        }
        if (min > 0 && max / min >= 50) {
            LogAxis axis = new LogAxis(xLabel);
            axis.setBase(2);
            // ticks at whole powers of two, labelled with the value (64) rather than the power (2^6.0)
            axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            plot.setDomainAxis(axis);
        }
        ChartDrawings.style(chart);
        var drawing = ChartDrawings.of(chart);
        ChartDrawings.writePng(drawing, 800, 500, folder.resolve("sweep.png"));
        ChartDrawings.writeSvg(drawing, 800, 500, folder.resolve("sweep.svg"));
    }

    private static void add(XYSeries series, double x, double y) {
        if (Double.isFinite(y)) {
            series.add(x, y);
        }
    }
}
