package org.cajal.workbench.run;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.UIManager;

import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.LiveSnapshot;
import org.cajal.workbench.core.RunEvents;

/**
 * The live learning view of the training view: what the model predicts over the plane of two inputs (or along
 * one), with the training and validation examples, redrawn as it trains ({@link LivePainter}); under it every
 * hidden unit's output over the same plane and each layer's weights ({@link NeuronsPainter}). The caption says
 * which epoch and batch is shown and how much of the training time the looks took. Event-dispatch thread.
 *
 * <p>Swing names: {@code live.view}, {@code live.caption}, {@code live.plane}, {@code live.neurons},
 * {@code live.x}, {@code live.y}, {@code live.enabled}.
 */
final class LiveView {

    static final String IDLE = "Train a model on tabular data to watch it learn here.";

    private final JPanel panel = new JPanel(new BorderLayout());
    private final JLabel caption = new JLabel(IDLE);
    private final JComboBox<String> xBox = new JComboBox<>();
    private final JComboBox<String> yBox = new JComboBox<>();
    private final JCheckBox enabled = new JCheckBox("Live", true);
    private final Canvas plane = new Canvas(true);
    private final Canvas neurons = new Canvas(false);
    private LiveSnapshot shown;
    private boolean filling;
    private final RunEvents events;
    private LiveWatcher watcher;

    LiveView(RunEvents events) {
        this.events = events;
        panel.setName("live.view");
        caption.setName("live.caption");
        plane.setName("live.plane");
        neurons.setName("live.neurons");
        xBox.setName("live.x");
        yBox.setName("live.y");
        enabled.setName("live.enabled");
        enabled.setToolTipText("Look at the model every few mini-batches while it trains (from the next run)");
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
        bar.add(enabled);
        bar.add(new JLabel("x"));
        bar.add(xBox);
        bar.add(new JLabel("y"));
        bar.add(yBox);
        JPanel header = new JPanel(new BorderLayout());
        header.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        header.add(bar, BorderLayout.NORTH);
        header.add(caption, BorderLayout.SOUTH);
        JScrollPane neuronScroll = new JScrollPane(neurons);
        neuronScroll.setBorder(null);
        neuronScroll.getVerticalScrollBar().setUnitIncrement(16);
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, plane, neuronScroll);
        split.setResizeWeight(0.6);
        split.setBorder(null);
        panel.add(header, BorderLayout.NORTH);
        panel.add(split, BorderLayout.CENTER);
        xBox.addActionListener(e -> axesChanged());
        yBox.addActionListener(e -> axesChanged());
        panel.setMinimumSize(new Dimension(220, 200));
        events.addSnapshotListener(this::show);
        events.addTrainingListener(e -> {
            if (e instanceof TrainingEvent.Started st) {
                started(st.runId());
            } else if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Cancelled
                    || e instanceof TrainingEvent.Failed) {
                ended(e.runId());
            }
        });
    }

    /** The listener for a run about to start: passes its events on and looks at its model when Live is on. */
    LiveWatcher watcher() {
        watcher = new LiveWatcher(events, System::nanoTime, enabled(), xAxis(), yAxis());
        return watcher;
    }

    JComponent component() {
        return panel;
    }

    /** Whether the next run should be looked at. */
    boolean enabled() {
        return enabled.isSelected();
    }

    int xAxis() {
        return Math.max(0, xBox.getSelectedIndex());
    }

    int yAxis() {
        return yBox.getSelectedIndex() < 0 ? 1 : yBox.getSelectedIndex();
    }

    private void axesChanged() {
        if (!filling && watcher != null) {
            watcher.axes(xAxis(), yAxis());
        }
    }

    /** A new run begins: the last run's pictures stay until its first look arrives. */
    void started(String runId) {
        caption.setText(enabled() ? runId + ": waiting for the first look at the model…"
                : "Live view off: tick Live to watch the next run.");
    }

    /** The run ended; says why nothing was drawn if nothing was. */
    void ended(String runId) {
        if (shown == null || !shown.runId().equals(runId)) {
            caption.setText(enabled() ? "Nothing drawn live for " + runId + ": the live view draws layer stacks on "
                    + "at most " + LiveWatcher.MAX_INPUTS + " tabular inputs." : IDLE);
        }
    }

    void show(LiveSnapshot s) {
        shown = s;
        fillAxes(s.inputNames());
        caption.setText(caption(s));
        caption.setToolTipText(s.runId() + ": " + caption(s) + " (inputs as the model sees them, after preprocessing)");
        plane.repaint();
        neurons.revalidate();
        neurons.repaint();
    }

    static String caption(LiveSnapshot s) {
        return String.format("epoch %d · batch %d · %d looks, %.1f %% of the training time", s.epoch(), s.batch(),
                s.looks(), 100 * s.overhead());
    }

    private void fillAxes(List<String> names) {
        if (names.size() == xBox.getItemCount() && (names.isEmpty() || names.get(0).equals(xBox.getItemAt(0)))) {
            return;
        }
        filling = true;
        xBox.setModel(new DefaultComboBoxModel<>(names.toArray(String[]::new)));
        yBox.setModel(new DefaultComboBoxModel<>(names.toArray(String[]::new)));
        xBox.setSelectedIndex(shown.x());
        yBox.setEnabled(names.size() > 1);
        yBox.setSelectedIndex(names.size() > 1 ? Math.max(0, shown.y()) : -1);
        filling = false;
    }

    LiveSnapshot shown() {
        return shown;
    }

    String captionText() {
        return caption.getText();
    }

    /** Paints the shown snapshot's plane or its neurons. */
    private final class Canvas extends JComponent {

        private static final long serialVersionUID = 1L;
        private final boolean isPlane;

        Canvas(boolean isPlane) {
            this.isPlane = isPlane;
            setOpaque(true);
            setPreferredSize(new Dimension(360, isPlane ? 300 : 200));
        }

        @Override
        public Dimension getPreferredSize() {
            if (!isPlane && shown != null) {
                return NeuronsPainter.size(shown, getFontMetrics(getFont()));
            }
            return super.getPreferredSize();
        }

        @Override
        protected void paintComponent(Graphics graphics) {
            Graphics2D g = (Graphics2D) graphics.create();
            Color background = UIManager.getColor("Panel.background");
            Color foreground = UIManager.getColor("Label.foreground");
            g.setColor(background);
            g.fillRect(0, 0, getWidth(), getHeight());
            if (shown != null) {
                if (isPlane) {
                    LivePainter.paint(g, shown, new Rectangle(0, 0, Math.min(getWidth(), getHeight() + 60),
                            getHeight()), background, foreground);
                } else {
                    NeuronsPainter.paint(g, shown, background, foreground);
                }
            }
            g.dispose();
        }
    }
}
