package org.cajal.plugins.transformer;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.osgi.service.component.annotations.Component;

/**
 * The attention weights of one example, block and head of a transformer run as a heat map: row {@code i} shows how
 * much token {@code i} attends to each token (each row sums to 1). Reads the {@value TransformerModel#ATTENTION_FILE}
 * that the transformer writes into its run folder.
 */
@Component(service = Visualiser.class)
public final class AttentionMapVisualiser implements Visualiser {

    /** The id of this visualiser. */
    public static final String ID = "attention-map";

    /** Above this many tokens the weights are not written into the cells. */
    static final int MAX_LABELLED = 16;

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Attention map",
            "Model",
            "Which token attends to which, for one evaluated example of a transformer run: row i shows the weights "
                    + "with which token i mixes the other tokens' values in the chosen block and head (each row "
                    + "sums to 1). A dark cell in the row of an adjective under the column of 'not' shows the model "
                    + "relating the two. The run keeps the first " + TransformerModel.ATTENTION_EXAMPLES
                    + " evaluated examples.",
            List.of(ParameterSpec.integer("example", 0).range(0, TransformerModel.ATTENTION_EXAMPLES - 1)
                            .help("Which of the recorded evaluated examples to show (0 is the first)."),
                    ParameterSpec.integer("layer", 0).range(0, 23).help("The encoder block (0 is the first)."),
                    ParameterSpec.integer("head", 0).range(0, 63).help("The attention head (0 is the first).")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean accepts(RunRecord run) {
        return run != null && run.folder() != null
                && Files.isRegularFile(run.folder().resolve(TransformerModel.ATTENTION_FILE));
    }

    @Override
    public Drawing render(RunRecord run, Parameters parameters) {
        return ChartDrawings.of(chart(run, parameters));
    }

    /** One example's tokens and its attention matrix of the chosen block and head. */
    record AttentionMatrix(List<String> tokens, double[][] weights, String title) {
    }

    /** Reads the chosen matrix from the run's attention file. */
    static AttentionMatrix matrix(Path folder, int example, int layer, int head) {
        Path file = folder.resolve(TransformerModel.ATTENTION_FILE);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(ID + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode examples = root.path("examples");
        if (example >= examples.size()) {
            throw new IllegalArgumentException(ID + ": example " + example + " was not recorded; " + file
                    + " holds examples 0 to " + (examples.size() - 1));
        }
        int layers = root.path("layers").asInt();
        int heads = root.path("heads").asInt();
        if (layer >= layers) {
            throw new IllegalArgumentException(ID + ": the model has " + layers + " block(s); choose layer 0 to "
                    + (layers - 1));
        }
        if (head >= heads) {
            throw new IllegalArgumentException(ID + ": the model has " + heads + " head(s); choose head 0 to "
                    + (heads - 1));
        }
        JsonNode e = examples.get(example);
        List<String> tokens = new java.util.ArrayList<>();
        e.path("tokens").forEach(t -> tokens.add(t.asText()));
        JsonNode m = e.path("attention").get(layer).get(head);
        double[][] weights = new double[m.size()][];
        for (int r = 0; r < m.size(); r++) {
            weights[r] = new double[m.get(r).size()];
            for (int c = 0; c < weights[r].length; c++) {
                weights[r][c] = m.get(r).get(c).asDouble();
            }
        }
        return new AttentionMatrix(tokens, weights, "Attention, example " + example + ", block " + layer + ", head " + head);
    }

    /** The chart that {@link #render} draws: x = attended token, y = attending token, z = weight. */
    JFreeChart chart(RunRecord run, Parameters parameters) {
        AttentionMatrix m = matrix(run.folder(), parameters.getInt("example"), parameters.getInt("layer"),
                parameters.getInt("head"));
        int n = m.tokens().size();
        double[] xs = new double[n * n];
        double[] ys = new double[n * n];
        double[] zs = new double[n * n];
        XYPlot plot = new XYPlot();
        Font cellFont = new Font(Font.SANS_SERIF, Font.PLAIN, n <= 8 ? 12 : 10);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int i = r * n + c;
                xs[i] = c;
                ys[i] = r;
                zs[i] = m.weights()[r][c];
                if (n <= MAX_LABELLED) {
                    XYTextAnnotation label = new XYTextAnnotation(
                            String.format(Locale.ROOT, "%.2f", m.weights()[r][c]), c, r);
                    label.setFont(cellFont);
                    label.setPaint(m.weights()[r][c] > 0.55 ? Color.WHITE : new Color(0x222222));
                    plot.addAnnotation(label);
                }
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("attention weight", new double[][] {xs, ys, zs});
        PaintScale scale = ChartDrawings.whiteToBlue(1);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setBlockWidth(1.0);
        renderer.setBlockHeight(1.0);
        String[] names = m.tokens().toArray(String[]::new);
        SymbolAxis attended = new SymbolAxis("attended token", names);
        attended.setGridBandsVisible(false);
        attended.setRange(-0.5, n - 0.5);
        attended.setVerticalTickLabels(n > 6);
        SymbolAxis attending = new SymbolAxis("attending token", names);
        attending.setGridBandsVisible(false);
        attending.setRange(-0.5, n - 0.5);
        attending.setInverted(true);
        plot.setDataset(dataset);
        plot.setRenderer(renderer);
        plot.setDomainAxis(attended);
        plot.setRangeAxis(attending);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = new JFreeChart(m.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis scaleAxis = new NumberAxis("weight");
        scaleAxis.setRange(0, 1);
        ChartDrawings.addColourLegend(chart, scale, scaleAxis);
        ChartDrawings.style(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }
}
