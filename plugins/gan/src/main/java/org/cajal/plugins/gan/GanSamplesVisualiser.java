package org.cajal.plugins.gan;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.osgi.service.component.annotations.Component;

/**
 * A GAN's generated samples over training, from the {@value GanModel#SAMPLES_FILE} the model writes beside its
 * model file. Images: a grid with one row per chosen epoch and one column per fixed latent vector. Feature
 * vectors: one scatter panel per chosen epoch, the generated points over the real training examples (the first
 * two features).
 */
@Component(service = Visualiser.class)
public final class GanSamplesVisualiser implements Visualiser {

    /** The id of this visualiser. */
    public static final String ID = "gan-samples";
    static final String EPOCHS = "epochs";
    static final String SAMPLES = "samples";
    /** Image columns when {@value #SAMPLES} is not given. */
    static final int DEFAULT_IMAGE_COLUMNS = 10;

    private static final Color REAL = new Color(0xBBBBBB);

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "GAN samples", "Model",
            "What the generator of a GAN run made as training went on, always from the same latent vectors: for "
                    + "images a grid with one row per chosen epoch (epoch 0 is the untrained generator) and one "
                    + "column per latent vector; for feature vectors one scatter panel per chosen epoch with the "
                    + "generated points (blue) over real training examples (grey), first two features. A generator "
                    + "that covers only some clusters of the real points has collapsed onto those modes.",
            List.of(ParameterSpec.integer(EPOCHS, 4).range(1, 50)
                            .help("How many epochs to show (rows of the image grid, or scatter panels), spread evenly "
                                    + "from the first recorded (0) to the last."),
                    ParameterSpec.integer(SAMPLES, null).range(1, 1024)
                            .help("How many generated samples to show per epoch: image columns (default "
                                    + DEFAULT_IMAGE_COLUMNS + ") or scatter points (default all recorded).")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return run != null && run.folder() != null
                && Files.isRegularFile(run.folder().resolve(GanModel.SAMPLES_FILE));
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        if (!accepts(run)) {
            throw new IllegalArgumentException(ID + ": run " + (run == null ? "?" : run.runId()) + " has no "
                    + GanModel.SAMPLES_FILE + "; only runs of the gan architecture write it (when the model is saved)");
        }
        GanSamples samples = GanSamples.read(run.folder().resolve(GanModel.SAMPLES_FILE));
        if (samples.epochs().isEmpty()) {
            throw new IllegalArgumentException(ID + ": " + GanModel.SAMPLES_FILE + " of run " + run.runId()
                    + " records no epochs");
        }
        List<GanModel.EpochSamples> chosen = chosen(samples.epochs(), parameters.getInt(EPOCHS));
        Integer count = parameters.optionalInt(SAMPLES).orElse(null);
        return samples.images() ? imageGrid(samples, chosen, count == null ? DEFAULT_IMAGE_COLUMNS : count)
                : scatterPanels(samples, chosen, count == null ? Integer.MAX_VALUE : count);
    }

    /** Up to {@code rows} recorded epochs spread evenly from the first to the last. */
    static List<GanModel.EpochSamples> chosen(List<GanModel.EpochSamples> epochs, int rows) {
        int n = epochs.size();
        if (rows >= n) {
            return epochs;
        }
        List<GanModel.EpochSamples> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int index = rows == 1 ? n - 1 : (int) Math.round(i * (n - 1) / (double) (rows - 1));
            if (out.isEmpty() || out.get(out.size() - 1) != epochs.get(index)) {
                out.add(epochs.get(index));
            }
        }
        return out;
    }

    // ---- feature vectors: small multiples ----

    private static Drawing scatterPanels(GanSamples samples, List<GanModel.EpochSamples> chosen, int count) {
        boolean twoD = samples.width() >= 2;
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (float[] r : samples.real()) {
            extend(range, r, twoD);
        }
        for (GanModel.EpochSamples e : chosen) {
            for (int i = 0; i < Math.min(count, e.samples().length); i++) {
                extend(range, e.samples()[i], twoD);
            }
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (GanModel.EpochSamples e : chosen) {
            XYSeriesCollection data = new XYSeriesCollection();
            XYSeries generated = new XYSeries("generated", false, true);
            XYSeries real = new XYSeries("real", false, true);
            for (int i = 0; i < Math.min(count, e.samples().length); i++) {
                float[] s = e.samples()[i];
                generated.add(s[0], twoD ? s[1] : i);
            }
            for (int i = 0; i < samples.real().size(); i++) {
                float[] r = samples.real().get(i);
                real.add(r[0], twoD ? r[1] : i);
            }
            data.addSeries(generated);
            data.addSeries(real);
            NumberAxis x = new NumberAxis(twoD ? "feature 1" : "value");
            NumberAxis y = new NumberAxis(twoD ? "feature 2" : "index");
            pad(x, range[0], range[1]);
            if (twoD) {
                pad(y, range[2], range[3]);
            }
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
            XYPlot plot = new XYPlot(data, x, y, renderer);
            JFreeChart chart = new JFreeChart("epoch " + e.epoch(), JFreeChart.DEFAULT_TITLE_FONT, plot,
                    panels.isEmpty());
            ChartDrawings.style(chart);
            java.awt.Shape dot = new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4);
            renderer.setSeriesShape(0, dot);
            renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
            renderer.setSeriesPaint(0, ChartDrawings.SERIES[0]);
            renderer.setSeriesPaint(1, REAL);
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            panels.add(chart);
        }
        int columns = (int) Math.ceil(Math.sqrt(panels.size()));
        int rows = (int) Math.ceil(panels.size() / (double) columns);
        return (Graphics2D g, Rectangle2D area) -> {
            double top = title(g, area, "GAN samples over training");
            double w = area.getWidth() / columns;
            double h = (area.getHeight() - top) / rows;
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g, new Rectangle2D.Double(area.getX() + (i % columns) * w,
                        area.getY() + top + (i / columns) * h, w, h));
            }
        };
    }

    private static void extend(double[] range, float[] v, boolean twoD) {
        range[0] = Math.min(range[0], v[0]);
        range[1] = Math.max(range[1], v[0]);
        if (twoD) {
            range[2] = Math.min(range[2], v[1]);
            range[3] = Math.max(range[3], v[1]);
        }
    }

    private static void pad(NumberAxis axis, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return;
        }
        double p = Math.max(1e-6, (hi - lo) * 0.05);
        axis.setRange(lo - p, hi + p);
    }

    private static double title(Graphics2D g, Rectangle2D area, String text) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(area);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (area.getX() + (area.getWidth() - fm.stringWidth(text)) / 2),
                (float) (area.getY() + fm.getAscent() + 4));
        return fm.getHeight() + 8;
    }

    // ---- images: a grid ----

    private static Drawing imageGrid(GanSamples samples, List<GanModel.EpochSamples> chosen, int columns) {
        List<Long> shape = samples.sampleShape();
        int channels = shape.get(0).intValue();
        int height = shape.get(1).intValue();
        int width = shape.get(2).intValue();
        // pixel values as the model saw them: map the real examples' range (else the samples') to black..white
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        List<float[]> reference = samples.real().isEmpty() ? List.of(chosen.get(chosen.size() - 1).samples())
                : samples.real();
        for (float[] r : reference) {
            for (float v : r) {
                if (Float.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        float low = lo;
        float span = hi > lo ? hi - lo : 1f;
        int cols = Math.min(columns, chosen.get(0).samples().length);
        List<BufferedImage[]> rows = new ArrayList<>();
        for (GanModel.EpochSamples e : chosen) {
            BufferedImage[] row = new BufferedImage[Math.min(cols, e.samples().length)];
            for (int c = 0; c < row.length; c++) {
                row[c] = image(e.samples()[c], channels, height, width, low, span);
            }
            rows.add(row);
        }
        return (Graphics2D g, Rectangle2D area) -> {
            double top = title(g, area, "GAN samples over training (rows: epochs)");
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            double label = fm.stringWidth("epoch 0000") + 8;
            double cell = Math.min((area.getWidth() - label) / cols, (area.getHeight() - top) / rows.size());
            double gap = Math.max(1, cell * 0.06);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            for (int r = 0; r < rows.size(); r++) {
                double y = area.getY() + top + r * cell;
                g.setColor(Color.DARK_GRAY);
                g.drawString("epoch " + chosen.get(r).epoch(), (float) area.getX() + 4,
                        (float) (y + cell / 2 + fm.getAscent() / 2.0));
                for (int c = 0; c < rows.get(r).length; c++) {
                    double x = area.getX() + label + c * cell;
                    g.drawImage(rows.get(r)[c], (int) Math.round(x + gap / 2), (int) Math.round(y + gap / 2),
                            (int) Math.round(cell - gap), (int) Math.round(cell - gap), null);
                }
            }
        };
    }

    /** One sample as an image: three channels as RGB, otherwise the first channel as grey. */
    static BufferedImage image(float[] values, int channels, int height, int width, float low, float span) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                int rgb;
                if (channels == 3) {
                    rgb = (level(values[p], low, span) << 16) | (level(values[plane + p], low, span) << 8)
                            | level(values[2 * plane + p], low, span);
                } else {
                    int v = level(values[p], low, span);
                    rgb = (v << 16) | (v << 8) | v;
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    private static int level(float v, float low, float span) {
        double t = Float.isFinite(v) ? (v - low) / span : 0;
        return (int) Math.round(255 * Math.max(0, Math.min(1, t)));
    }
}
