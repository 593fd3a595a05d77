package org.cajal.workbench.diagram;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;

import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.LiveSnapshot;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;

/**
 * The "Diagram" view: the edited layer stack drawn as a network ({@link DiagramPainter}), redrawn when the
 * pipeline's model summary changes; while and after a run of it trains, its edges take the colours of the weights
 * the live view last saw. Clicking a layer selects it in the editor (and the properties show its form); the
 * selected layer is outlined. Export PNG (at a chosen resolution) and SVG. Event-dispatch thread.
 *
 * <p>Swing names: {@code diagram.view}, {@code diagram.canvas}, {@code diagram.caption},
 * {@code diagram.exportPng}, {@code diagram.exportSvg}.
 */
public final class NetworkDiagram {

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JLabel caption = new JLabel(" ");
    private final Canvas canvas = new Canvas();
    private Pipeline pipeline;
    private ModelSummary summary;
    private List<Column> columns = List.of();
    private LiveSnapshot weights;

    public NetworkDiagram(Workbench workbench) {
        this.workbench = workbench;
        panel.setName("diagram.view");
        canvas.setName("diagram.canvas");
        caption.setName("diagram.caption");
        caption.setBorder(javax.swing.BorderFactory.createEmptyBorder(4, 8, 4, 8));
        caption.setOpaque(true); // it paints all its bounds (a wrapped caption left stale pixels under it)
        panel.setOpaque(true);
        panel.add(caption, BorderLayout.NORTH);
        panel.add(canvas, BorderLayout.CENTER);
        panel.add(ChartExport.buttons(workbench, "diagram.exportPng", "diagram.exportSvg", canvas,
                () -> columns.size() < 2 ? null : painter().forExport(),
                () -> (pipeline == null ? "network" : pipeline.name()) + "-diagram"), BorderLayout.SOUTH);
        workbench.summaries().addListener(this::summaryChanged);
        workbench.runs().addSnapshotListener(this::snapshot);
        workbench.selection().addListener(step -> canvas.repaint());
        canvas.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                int layer = painter().layerAt(e.getPoint(), bounds());
                if (layer >= 0) {
                    workbench.selection().select(Step.layer(layer));
                } else if (layer == -1) {
                    workbench.selection().select(Step.DATASET);
                }
            }
        });
    }

    public JComponent component() {
        return panel;
    }

    private void summaryChanged(Pipeline p, ModelSummary s) {
        pipeline = p;
        summary = s;
        columns = p.model().isLayerStack() ? Column.of(p, s) : List.of();
        if (weights != null && !fits(weights)) {
            weights = null;
        }
        updateCaption();
        canvas.repaint();
    }

    private void snapshot(LiveSnapshot s) {
        if (fits(s)) {
            weights = s;
            updateCaption();
            canvas.repaint();
        }
    }

    /** Whether a look's weights are of a model with these columns' sizes. */
    private boolean fits(LiveSnapshot s) {
        if (columns.size() < 2 || s.weights().length != columns.size() - 1) {
            return false;
        }
        for (int l = 0; l < s.weights().length; l++) {
            double[][] w = s.weights()[l];
            Column in = columns.get(l);
            Column out = columns.get(l + 1);
            if (w != null && (!in.units() || !out.units() || w.length != in.unitCount()
                    || w[0].length != out.unitCount())) {
                return false;
            }
        }
        return true;
    }

    private void updateCaption() {
        showCaption();
        // a caption of another height moves the canvas: lay out and paint the whole view again
        panel.revalidate();
        panel.repaint();
    }

    private void showCaption() {
        if (pipeline != null && !pipeline.model().isLayerStack()) {
            caption.setText("The diagram draws layer stacks; this pipeline uses the architecture "
                    + pipeline.model().architecture() + ".");
        } else if (weights != null) {
            caption.setText("<html>" + sizes() + "<br>Edges coloured by the weights of " + weights.runId()
                    + " at epoch " + weights.epoch() + " (blue negative, orange positive, stronger and wider for "
                    + "larger weights). Click a layer to edit it.</html>");
        } else {
            caption.setText("<html>" + sizes() + "<br>A wide layer shows its first and last units; train to colour "
                    + "the edges by their weights. Click a layer to edit it.</html>");
        }
    }

    /** The stack in words: {@code xor: 2 → 8 → 2}, feature maps as {@code 6@24×24}. */
    private String sizes() {
        return pipeline.name() + ": " + columns.stream().map(Column::size).collect(java.util.stream.Collectors.joining(" → "));
    }

    private DiagramPainter painter() {
        int selected = workbench.selection().get().filter(s -> s.part() == Step.Part.LAYER).map(Step::index)
                .orElse(-2);
        Color background = UIManager.getColor("Panel.background");
        Color foreground = UIManager.getColor("Label.foreground");
        return new DiagramPainter(columns, weights == null ? null : weights.weights(), selected,
                background == null ? Color.WHITE : background, foreground == null ? Color.BLACK : foreground);
    }

    private Rectangle2D bounds() {
        return new Rectangle2D.Double(0, 0, canvas.getWidth(), canvas.getHeight());
    }

    /** For tests: the columns drawn. */
    List<Column> columns() {
        return columns;
    }

    private final class Canvas extends JComponent {

        private static final long serialVersionUID = 1L;

        Canvas() {
            setPreferredSize(new Dimension(600, 360));
            setOpaque(true);
        }

        @Override
        protected void paintComponent(Graphics g) {
            Graphics2D g2 = (Graphics2D) g.create();
            try {
                if (columns.size() < 2) {
                    g2.setColor(UIManager.getColor("Panel.background"));
                    g2.fillRect(0, 0, getWidth(), getHeight());
                    return;
                }
                painter().draw(g2, bounds());
            } finally {
                g2.dispose();
            }
        }
    }
}
