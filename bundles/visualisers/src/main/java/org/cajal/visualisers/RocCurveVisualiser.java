package org.cajal.visualisers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/**
 * ROC curves of a classification run's evaluated split: for two classes one curve of the positive class (the
 * second), for more classes one one-vs-rest curve per class (the first {@value #MAX_CLASSES}), each with its AUC.
 */
@Component(service = Visualiser.class)
public final class RocCurveVisualiser implements Visualiser {

    static final String ID = "roc-curve";
    static final int MAX_CLASSES = 10;

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "ROC curve", "Evaluation",
            "The receiver operating characteristic: the true-positive rate against the false-positive rate as the "
                    + "decision threshold on the predicted probability falls from 1 to 0. The area under the curve "
                    + "(AUC) is the chance that a random positive example scores higher than a random negative one "
                    + "(1 = perfect ranking, 0.5 = the dashed chance diagonal). With more than two classes each "
                    + "class is scored one-vs-rest.",
            List.of());

    /** Points of an ROC curve (from (0, 0) to (1, 1)) and the area under it; NaN if a class is missing. */
    record Roc(double[] falsePositiveRate, double[] truePositiveRate, double auc) {
    }

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return Plots.hasData(run, TargetKind.BINARY, TargetKind.MULTICLASS);
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run));
    }

    /** The chart that {@link #render} draws: one series per curve, its key naming the class and AUC. */
    JFreeChart chart(RunRecord run) {
        RunData data = Plots.data(run, ID);
        if (!data.targetKind().isClassification()) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " is " + data.targetKind()
                    + ", not classification; ROC curves need predicted class probabilities");
        }
        RunData.Predictions predictions = data.predictions();
        double[] actual = predictions.actual();
        double[][] outputs = predictions.outputs();
        if (actual.length == 0) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has no predictions to score");
        }
        int classes = Math.max(data.classNames().size(), Math.max(2, outputs[0].length));
        XYSeriesCollection dataset = new XYSeriesCollection();
        String subtitle = null;
        if (classes == 2) {
            Roc roc = roc(column(outputs, 1), positives(actual, 1));
            dataset.addSeries(series(Plots.className(data.classNames(), 1) + " (positive class)", roc));
        } else {
            int shown = Math.min(classes, MAX_CLASSES);
            for (int c = 0; c < shown; c++) {
                dataset.addSeries(series(Plots.className(data.classNames(), c) + " vs rest",
                        roc(column(outputs, c), positives(actual, c))));
            }
            if (classes > MAX_CLASSES) {
                subtitle = "first " + MAX_CLASSES + " of " + classes + " classes";
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart("ROC curve", "false-positive rate", "true-positive rate",
                dataset, PlotOrientation.VERTICAL, true, false, false);
        if (subtitle != null) {
            chart.addSubtitle(Plots.subtitle(subtitle));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYLineAndShapeRenderer(true, false));
        for (NumberAxis axis : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            axis.setRange(-0.01, 1.01);
        }
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, Plots.DASHED, Plots.REFERENCE));
        return ChartDrawings.style(chart);
    }

    private static XYSeries series(String name, Roc roc) {
        String key = name + (Double.isNaN(roc.auc()) ? " (no examples of one side)" : " (AUC " + Plots.brief(roc.auc()) + ")");
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < roc.falsePositiveRate().length; i++) {
            series.add(roc.falsePositiveRate()[i], roc.truePositiveRate()[i]);
        }
        return series;
    }

    /**
     * The score of class {@code c}: column {@code c} of the outputs, or for a single sigmoid output p the
     * probability of class 1 is p and of class 0 is 1 - p.
     */
    static double[] column(double[][] outputs, int c) {
        double[] out = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            double[] row = outputs[i];
            out[i] = row.length == 1 ? (c == 1 ? row[0] : 1 - row[0]) : c < row.length ? row[c] : Double.NaN;
        }
        return out;
    }

    private static boolean[] positives(double[] actual, int c) {
        boolean[] out = new boolean[actual.length];
        for (int i = 0; i < actual.length; i++) {
            out[i] = Math.round(actual[i]) == c;
        }
        return out;
    }

    /**
     * The ROC curve of scores against labels. Examples are taken in falling score order; all examples with the same
     * score move the curve together (one diagonal step), so ties count half, as in the Mann-Whitney statistic. The
     * AUC is the trapezoid area. Examples with a NaN score are left out. If there are no positives or no negatives
     * the rates are undefined and the AUC is NaN.
     */
    static Roc roc(double[] scores, boolean[] positive) {
        Integer[] order = new Integer[scores.length];
        int n = 0;
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                order[n++] = i;
                positives += positive[i] ? 1 : 0;
            }
        }
        long negatives = n - positives;
        Integer[] valid = Arrays.copyOf(order, n);
        Arrays.sort(valid, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        if (positives == 0 || negatives == 0) {
            return new Roc(new double[] {0, 1}, new double[] {0, 1}, Double.NaN);
        }
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        double auc = 0;
        int i = 0;
        while (i < n) {
            double score = scores[valid[i]];
            long tpBefore = tp;
            long fpBefore = fp;
            while (i < n && scores[valid[i]] == score) {
                if (positive[valid[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            auc += (double) (fp - fpBefore) / negatives * (tp + tpBefore) / 2.0 / positives;
            points.add(new double[] {(double) fp / negatives, (double) tp / positives});
        }
        double[] fpr = new double[points.size()];
        double[] tpr = new double[points.size()];
        for (int k = 0; k < fpr.length; k++) {
            fpr[k] = points.get(k)[0];
            tpr[k] = points.get(k)[1];
        }
        return new Roc(fpr, tpr, auc);
    }
}
