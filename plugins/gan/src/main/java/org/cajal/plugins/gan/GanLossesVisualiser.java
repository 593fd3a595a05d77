package org.cajal.plugins.gan;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/**
 * A GAN run's generator and discriminator losses per epoch (the metrics.csv columns {@code generator_loss} and
 * {@code discriminator_loss}) with dashed lines at their equilibrium values, where the discriminator cannot tell
 * real from generated examples and outputs 1/2 for both.
 */
@Component(service = Visualiser.class)
public final class GanLossesVisualiser implements Visualiser {

    /** The id of this visualiser. */
    public static final String ID = "gan-losses";
    static final String GENERATOR = "generator_loss";
    static final String DISCRIMINATOR = "discriminator_loss";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "GAN losses", "Training",
            "The generator's and the discriminator's mean loss per epoch of a GAN run, with dashed lines where the "
                    + "game is in balance: the discriminator outputs 1/2 for real and generated examples alike. "
                    + "Standard GAN (binary-cross-entropy): discriminator loss ln 2 = 0.693, non-saturating "
                    + "generator loss -ln(1/2) = 0.693, minimax generator loss ln(1/2) = -0.693. Least-squares GAN "
                    + "(mse): 1/4 for both. A discriminator loss near 0 with a rising generator loss means the "
                    + "discriminator wins and the generator gets little to learn from; losses near the lines do "
                    + "not by themselves mean good samples (see gan-samples and the energy distance).",
            List.of());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return run != null && hasValues(run, GENERATOR) && hasValues(run, DISCRIMINATOR);
    }

    private static boolean hasValues(RunRecord run, String column) {
        return run.column(column).map(v -> java.util.Arrays.stream(v).anyMatch(Double::isFinite)).orElse(false);
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run));
    }

    /** The equilibrium losses, from the run's {@value GanModel#SAMPLES_FILE}, or empty without one. */
    static Map<String, Double> equilibrium(RunRecord run) {
        Path file = run.folder() == null ? null : run.folder().resolve(GanModel.SAMPLES_FILE);
        if (file == null || !Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return GanSamples.read(file).equilibrium();
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    /** The chart that {@link #render} draws. */
    JFreeChart chart(RunRecord run) {
        if (!accepts(run)) {
            throw new IllegalArgumentException(ID + ": run " + run.runId() + " has no " + GENERATOR + " and "
                    + DISCRIMINATOR + " columns in its metrics; only runs of the gan architecture have them");
        }
        double[] epochs = run.column("epoch").orElse(null);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("generator", epochs, run.column(GENERATOR).orElseThrow()));
        data.addSeries(series("discriminator", epochs, run.column(DISCRIMINATOR).orElseThrow()));
        NumberAxis x = new NumberAxis("epoch");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("mean loss");
        y.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, data.getSeries(0).getItemCount() <= 40);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Map<String, Double> equilibrium = equilibrium(run);
        Double g = equilibrium.get(GENERATOR);
        Double d = equilibrium.get(DISCRIMINATOR);
        if (g != null && d != null) {
            if (Math.abs(g - d) < 1e-9) {
                marker(plot, d, "D = 1/2: both losses " + format(d), Color.DARK_GRAY);
            } else {
                marker(plot, d, "D = 1/2: discriminator " + format(d), ChartDrawings.SERIES[1]);
                marker(plot, g, "D = 1/2: generator " + format(g), ChartDrawings.SERIES[0]);
            }
        }
        JFreeChart chart = new JFreeChart("GAN losses", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        if (g == null || d == null) {
            chart.addSubtitle(new TextTitle("equilibrium lines need " + GanModel.SAMPLES_FILE + " in the run folder",
                    new Font(Font.SANS_SERIF, Font.ITALIC, 11)));
        }
        ChartDrawings.style(chart);
        // style() pulls in every renderer range; keep the equilibrium lines in view
        if (g != null && d != null) {
            y.setAutoRange(true);
            org.jfree.data.Range r = y.getRange();
            double lo = Math.min(r.getLowerBound(), Math.min(g, d));
            double hi = Math.max(r.getUpperBound(), Math.max(g, d));
            double pad = (hi - lo) * 0.05 + 1e-6;
            y.setRange(lo - pad, hi + pad);
        }
        return chart;
    }

    private static XYSeries series(String name, double[] epochs, double[] values) {
        XYSeries s = new XYSeries(name, false, true);
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                s.add(epochs != null && i < epochs.length ? epochs[i] : i + 1, values[i]);
            }
        }
        return s;
    }

    private static void marker(XYPlot plot, double value, String label, Color colour) {
        ValueMarker m = new ValueMarker(value, colour, new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        m.setLabelPaint(colour);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(m);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
