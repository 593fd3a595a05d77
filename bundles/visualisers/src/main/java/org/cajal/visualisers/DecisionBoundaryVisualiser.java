package org.cajal.visualisers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Align;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/**
 * What a model trained on tabular data predicts over the plane of two of its input features, like TensorFlow
 * Playground: the background is the predicted class's colour, stronger where the model is surer (for regression,
 * the predicted value on a blue-white-orange scale), and the evaluated inputs are drawn on top in their true class's
 * colour. The other features are held at their mean over those inputs, categorical ones (as schema.json lists them)
 * at their most frequent category; by default the axes are the first two numeric features.
 */
@Component(service = Visualiser.class)
public final class DecisionBoundaryVisualiser implements Visualiser {

    static final String ID = "decision-boundary";
    static final String X = "x";
    static final String Y = "y";
    static final String RESOLUTION = "resolution";
    /** How many evaluated inputs are drawn, and give the range and the means. */
    static final int MAX_INPUTS = 1000;

    private static final Color LOW = ChartDrawings.SERIES[0];
    private static final Color HIGH = ChartDrawings.SERIES[1];

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Decision boundary", "Model",
            "The trained model's prediction over a grid spanning two input features (10% beyond the range of the "
                    + "evaluated inputs), with those inputs drawn on top. For classification each grid cell takes "
                    + "the colour of the predicted class, paler where the model is less sure, so the boundaries "
                    + "between colours are where the model changes its mind; for regression the colour is the "
                    + "predicted value. All other features are held at their mean, a categorical feature at its "
                    + "most frequent category, so with many features this is one slice through the model. A "
                    + "categorical axis shows one band per category.",
            List.of(ParameterSpec.integer(X, null).atLeast(0).optional()
                            .help("Index of the feature on the horizontal axis (0 = the first input column); "
                                    + "leave out for the first numeric feature."),
                    ParameterSpec.integer(Y, null).atLeast(0).optional()
                            .help("Index of the feature on the vertical axis; must differ from x. Leave out for "
                                    + "the next numeric feature."),
                    ParameterSpec.integer(RESOLUTION, 100).range(10, 300).unit("cells per axis")
                            .help("Grid cells along each axis; the model predicts resolution² points in one call.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        if (!Plots.hasData(run, TargetKind.BINARY, TargetKind.MULTICLASS, TargetKind.REGRESSION)) {
            return false;
        }
        RunData data = run.runData().orElseThrow();
        return data.modelAvailable() && data.tabular() && data.featureNames().size() >= 2;
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run, parameters));
    }

    /** The chart that {@link #render} draws: the prediction grid is the plot's background image. */
    JFreeChart chart(RunRecord run, Parameters parameters) {
        RunData data = Plots.data(run, ID);
        RunData.Inputs inputs = inputs(run, data);
        int features = inputs.rows()[0].length;
        FeatureKinds kinds = FeatureKinds.of(run, data.featureNames());
        int[] axes = axes(parameters, kinds, features);
        int fx = axes[0];
        int fy = axes[1];
        int[] levels = kinds.levels(features);
        PredictionGrid grid = PredictionGrid.over(inputs.rows(), fx, fy, parameters.getInt(RESOLUTION), levels);
        double[][] outputs = grid.predict(data, ID);
        String xName = name(kinds, fx);
        String yName = name(kinds, fy);
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(xName, grid.xRange(), kinds, fx));
        plot.setRangeAxis(axis(yName, grid.yRange(), kinds, fy));
        BufferedImage image = new BufferedImage(grid.resolution(), grid.resolution(), BufferedImage.TYPE_INT_RGB);
        Scatter scatter = new Scatter(inputs, fx, fy, grid, outputs, image, plot);
        JFreeChart chart = data.targetKind().isClassification()
                ? scatter.classes(data.classNames(), "Decision boundary: " + xName + " × " + yName)
                : scatter.values("Prediction surface: " + xName + " × " + yName);
        if (features > 2) {
            chart.addSubtitle(Plots.subtitle(held(kinds, PredictionGrid.held(inputs.rows(), levels), fx, fy)));
        }
        plot.setBackgroundImage(image);
        plot.setBackgroundImageAlignment(Align.FIT);
        plot.setBackgroundImageAlpha(1f);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    /**
     * The features on the axes: x and y where given (checked), else the first numeric features (categorical ones
     * only when fewer than two are numeric).
     */
    static int[] axes(Parameters parameters, FeatureKinds kinds, int features) {
        Optional<Integer> x = parameters.optionalInt(X);
        Optional<Integer> y = parameters.optionalInt(Y);
        int fx = x.isPresent() ? Plots.index(ID, X, x.get(), features, "features")
                : kinds.firstAxis(features, y.orElse(-1));
        int fy = y.isPresent() ? Plots.index(ID, Y, y.get(), features, "features") : kinds.firstAxis(features, fx);
        if (fx == fy) {
            throw new IllegalArgumentException(ID + ": x and y are both feature " + fx + "; choose two different features");
        }
        return new int[] {fx, fy};
    }

    private static String name(FeatureKinds kinds, int feature) {
        return feature < kinds.names().size() ? kinds.names().get(feature) : "feature " + feature;
    }

    /** A numeric axis over the range, or for a categorical feature one tick per category label. */
    private static NumberAxis axis(String name, double[] range, FeatureKinds kinds, int feature) {
        NumberAxis axis = kinds.categorical(feature)
                ? new SymbolAxis(name, kinds.labels().get(feature).toArray(String[]::new)) : new NumberAxis(name);
        if (axis instanceof SymbolAxis symbols) {
            symbols.setGridBandsVisible(false);
        }
        axis.setRange(range[0], range[1]);
        return axis;
    }

    /** The subtitle saying where the features off the axes are held. */
    static String held(FeatureKinds kinds, double[] held, int fx, int fy) {
        List<String> categories = new ArrayList<>();
        for (int f = 0; f < held.length; f++) {
            if (f != fx && f != fy && kinds.categorical(f)) {
                categories.add(name(kinds, f) + " = " + kinds.labels().get(f).get((int) held[f]));
            }
        }
        int numeric = held.length - 2 - categories.size();
        String text = numeric == 0 ? "" : "the other " + numeric + " numeric feature" + (numeric == 1 ? " is" : "s are")
                + " held at " + (numeric == 1 ? "its" : "their") + " mean";
        return categories.isEmpty() ? text : (text.isEmpty() ? "" : text + "; ") + "held at the most frequent "
                + "category: " + String.join(", ", categories);
    }

    /** The evaluated inputs; the message says why a run cannot have a decision boundary. */
    private static RunData.Inputs inputs(RunRecord run, RunData data) {
        if (!data.tabular()) {
            throw new IllegalArgumentException(ID + ": run " + run.runId()
                    + " was not trained on tabular rows; a decision boundary needs two numeric input features");
        }
        RunData.Inputs inputs = data.inputs(MAX_INPUTS);
        double[][] rows = inputs.rows();
        if (rows.length == 0) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has no evaluated inputs to draw");
        }
        if (rows[0].length < 2) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has " + rows[0].length
                    + " input feature; a decision boundary needs at least two");
        }
        return inputs;
    }

    /** The grid painted into the background image and the inputs drawn over it, for one kind of target. */
    private record Scatter(RunData.Inputs inputs, int fx, int fy, PredictionGrid grid, double[][] outputs,
                           BufferedImage image, XYPlot plot) {

        /** Classification: each cell in its predicted class's colour, paler where the model is less sure. */
        JFreeChart classes(List<String> classNames, String title) {
            int classes = Math.max(classNames.size(), Math.max(2, outputs[0].length));
            for (int k = 0; k < outputs.length; k++) {
                int[] cls = new int[1];
                double confidence = top(outputs[k], cls);
                double intensity = classes > 1 ? (confidence - 1.0 / classes) / (1 - 1.0 / classes) : 1;
                Color colour = ChartDrawings.mix(Color.WHITE, Plots.classColour(cls[0]), 0.15 + 0.45 * intensity);
                image.setRGB(grid.column(k), grid.imageRow(k), colour.getRGB());
            }
            XYSeriesCollection points = new XYSeriesCollection();
            XYSeries[] byClass = new XYSeries[classes];
            for (int c = 0; c < classes; c++) {
                byClass[c] = new XYSeries(Plots.className(classNames, c), false, true);
                points.addSeries(byClass[c]);
            }
            double[][] rows = inputs.rows();
            for (int r = 0; r < rows.length; r++) {
                int c = (int) Math.round(inputs.targets()[r]);
                if (c >= 0 && c < classes) {
                    byClass[c].add(rows[r][fx], rows[r][fy]);
                }
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
            styleScatter(renderer);
            plot.setDataset(points);
            plot.setRenderer(renderer);
            JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
            ChartDrawings.style(chart);
            for (int c = 0; c < classes; c++) {
                renderer.setSeriesPaint(c, Plots.classColour(c));
                renderer.setSeriesShape(c, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            }
            return chart;
        }

        /** Regression: each cell and each input in the colour of its value, with a colour bar. */
        JFreeChart values(String title) {
            double[] values = new double[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                values[k] = outputs[k].length == 0 ? Double.NaN : outputs[k][0];
            }
            double[] bounds = bounds(values, inputs.targets());
            ValueScale scale = new ValueScale(bounds[0], bounds[1]);
            for (int k = 0; k < values.length; k++) {
                Color colour = ChartDrawings.mix(Color.WHITE, (Color) scale.getPaint(values[k]), 0.6);
                image.setRGB(grid.column(k), grid.imageRow(k), colour.getRGB());
            }
            XYSeries series = new XYSeries("inputs", false, true);
            double[][] rows = inputs.rows();
            for (double[] row : rows) {
                series.add(row[fx], row[fy]);
            }
            double[] targets = inputs.targets();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true) {
                @Override
                public Paint getItemPaint(int s, int item) {
                    return scale.getPaint(targets[item]);
                }
            };
            styleScatter(renderer);
            plot.setDataset(new XYSeriesCollection(series));
            plot.setRenderer(renderer);
            JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
            NumberAxis scaleAxis = new NumberAxis("predicted value");
            scaleAxis.setRange(bounds[0], bounds[1]);
            ChartDrawings.addColourLegend(chart, scale, scaleAxis);
            ChartDrawings.style(chart);
            renderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            return chart;
        }

        /** The lowest and highest finite value of both arrays (a range of 1 if they are all the same). */
        private static double[] bounds(double[] values, double[] targets) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] array : new double[][] {values, targets}) {
                for (double v : array) {
                    if (Double.isFinite(v)) {
                        low = Math.min(low, v);
                        high = Math.max(high, v);
                    }
                }
            }
            return new double[] {low, high > low ? high : low + 1};
        }
    }

    private static void styleScatter(XYLineAndShapeRenderer renderer) {
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        renderer.setDefaultOutlinePaint(new Color(0x333333));
        renderer.setAutoPopulateSeriesOutlinePaint(false);
        renderer.setDefaultOutlineStroke(new BasicStroke(0.8f));
        renderer.setAutoPopulateSeriesOutlineStroke(false);
    }

    /** The largest probability of an output row and (in {@code index[0]}) its class; one sigmoid output p is [1-p, p]. */
    static double top(double[] output, int[] index) {
        if (output.length == 1) {
            index[0] = output[0] >= 0.5 ? 1 : 0;
            return Math.max(output[0], 1 - output[0]);
        }
        int best = 0;
        for (int c = 1; c < output.length; c++) {
            if (output[c] > output[best]) {
                best = c;
            }
        }
        index[0] = best;
        return output.length == 0 ? 0 : output[best];
    }

    /** Blue (low) through white to orange (high). */
    static final class ValueScale implements PaintScale {

        private final double low;
        private final double high;

        ValueScale(double low, double high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return Color.LIGHT_GRAY;
            }
            double t = (value - low) / (high - low);
            return t < 0.5 ? ChartDrawings.mix(LOW, Color.WHITE, t * 2)
                    : ChartDrawings.mix(Color.WHITE, HIGH, (t - 0.5) * 2);
        }
    }
}
