package org.cajal.workbench.runs;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;
import org.cajal.experiments.RunStore;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.DrawingCanvas;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Workbench;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The runs view's "Overlay" tab: one metric column of the selected runs in one chart, drawn by the run store when
 * the experiments bundle runs (experiments as their mean with the 95% band), else here from the listed rows (one
 * series per run). Owns the Overlay button and the metric choice. Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.overlay}, {@code runs.overlayMetric}, {@code runs.overlayChart},
 * {@code runs.overlayDrawing}, {@code runs.exportPng}/{@code runs.exportSvg}.
 */
final class OverlaySection {

    /** The column overlaid unless the user picks another. */
    static final String DEFAULT_OVERLAY = "validation_loss";

    private static final String CARD_CHART = "chart";
    private static final String CARD_DRAWING = "drawing";

    private final RunsPanel view;
    private final Workbench workbench;
    private final JButton button = new JButton("Overlay");
    private final DefaultComboBoxModel<String> columns = new DefaultComboBoxModel<>();
    private final JComboBox<String> metric = new JComboBox<>(columns);
    private final XYSeriesCollection overlay = new XYSeriesCollection();
    private final JFreeChart chart = createChart(overlay);
    private final ChartPanel chartPanel = new ChartPanel(chart, false, true, false, true, true);
    private final CardLayout cards = new CardLayout();
    private final JPanel area = new JPanel(cards);
    private final DrawingCanvas drawing = new DrawingCanvas();
    private final JPanel component = new JPanel(new BorderLayout());
    /** Increases with every overlay request; a drawing that is not the latest is dropped. */
    private int generation;
    /** Folders of the runs now overlaid (re-drawn when the metric choice changes). */
    private List<Path> overlaid = List.of();
    /** The run store's overlay now shown, or null when the chart drawn here is shown. */
    private Drawing storeOverlay;

    OverlaySection(RunsPanel view, Workbench workbench) {
        this.view = view;
        this.workbench = workbench;
        button.setName("runs.overlay");
        button.setToolTipText("Draw the chosen metric of all selected runs in one chart");
        button.addActionListener(e -> overlaySelected());
        metric.setName("runs.overlayMetric");
        metric.setToolTipText("The metrics.csv column to overlay");
        metric.addActionListener(e -> {
            if (!overlaid.isEmpty()) {
                draw(overlaid);
            }
        });
        chartPanel.setName("runs.overlayChart");
        chartPanel.setPreferredSize(new Dimension(600, 260));
        chartPanel.setMouseWheelEnabled(true);
        drawing.setName("runs.overlayDrawing");
        drawing.setPreferredSize(new Dimension(600, 260));
        area.add(chartPanel, CARD_CHART);
        area.add(drawing, CARD_DRAWING);
        component.add(area, BorderLayout.CENTER);
        component.add(ChartExport.buttons(workbench, "runs.exportPng", "runs.exportSvg", area,
                this::drawingNow, () -> "runs-" + selectedColumn()), BorderLayout.SOUTH);
    }

    private static JFreeChart createChart(XYSeriesCollection overlay) {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeIncludesZero(false);
        NumberAxis valueAxis = new NumberAxis(DEFAULT_OVERLAY);
        valueAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(overlay, epochAxis, valueAxis, new XYLineAndShapeRenderer(true, true));
        return ChartDrawings.style(new JFreeChart("Select runs and press Overlay", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true));
    }

    JComponent component() {
        return component;
    }

    JButton button() {
        return button;
    }

    JComboBox<String> metric() {
        return metric;
    }

    /** Enables Overlay for a selection of n rows. */
    void update(int n, boolean store) {
        button.setEnabled(n >= 1 && (store || columns.getSize() > 0));
    }

    /** The listing's metric columns: keeps the chosen one when it is still there, else the default. */
    void columnsListed(List<String> listed) {
        String current = selectedColumn();
        columns.removeAllElements();
        columns.addAll(listed);
        if (current != null && listed.contains(current)) {
            metric.setSelectedItem(current);
        } else if (listed.contains(DEFAULT_OVERLAY)) {
            metric.setSelectedItem(DEFAULT_OVERLAY);
        }
    }

    private void overlaySelected() {
        List<RunRow> runs = view.selectedRuns();
        if (!runs.isEmpty()) {
            draw(runs.stream().map(r -> r.run().folder()).toList());
        }
    }

    private String selectedColumn() {
        return (String) metric.getSelectedItem();
    }

    private Drawing drawingNow() {
        if (storeOverlay != null) {
            return storeOverlay;
        }
        return overlay.getSeriesCount() == 0 ? null : ChartDrawings.of(chart);
    }

    /**
     * Draws the chosen column of these runs: by the run store when it is there (bands for experiments), else here,
     * one series per run that has it, named by its id.
     */
    private void draw(List<Path> folders) {
        String column = Objects.requireNonNullElse(selectedColumn(), DEFAULT_OVERLAY);
        overlaid = List.copyOf(folders);
        view.showDetails(0);
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (store != null) {
            drawByStore(store, folders, column);
        } else {
            drawHere(folders, column);
        }
    }

    private void drawByStore(RunStore store, List<Path> folders, String column) {
        int mine = ++generation;
        view.status("Drawing " + column + "…");
        view.background(() -> {
            try {
                Drawing drawn = store.overlay(folders, column);
                SwingUtilities.invokeLater(() -> {
                    if (mine == generation) {
                        storeOverlay = drawn;
                        drawing.setDrawing(drawn);
                        cards.show(area, CARD_DRAWING);
                        view.status(folders.size() + (folders.size() == 1 ? " run" : " runs") + " overlaid");
                    }
                });
            } catch (IOException | RuntimeException e) {
                workbench.notifier().error("Cannot overlay", Messages.of(e));
            }
        });
    }

    private void drawHere(List<Path> folders, String column) {
        ++generation;
        storeOverlay = null;
        cards.show(area, CARD_CHART);
        overlay.removeAllSeries();
        List<String> without = new ArrayList<>();
        for (Path folder : folders) {
            RunSummary run = view.listed(folder);
            if (run == null) {
                continue;
            }
            List<double[]> points = run.series(column);
            if (points.isEmpty()) {
                without.add(run.runId());
                continue;
            }
            XYSeries series = new XYSeries(uniqueKey(legend(run), run.runId()), true, false);
            for (double[] p : points) {
                series.add(p[0], p[1], false);
            }
            overlay.addSeries(series);
        }
        chart.setTitle(column.replace('_', ' ') + " per epoch");
        chart.getXYPlot().getRangeAxis().setLabel(column.replace('_', ' '));
        ChartDrawings.style(chart);
        view.status(without.isEmpty() ? overlay.getSeriesCount() + " runs overlaid"
                : "No " + column + " in " + String.join(", ", without));
    }

    /** A run's legend: its pipeline and seed ("xor, seed 42"), or its id when the run does not say them. */
    static String legend(RunSummary run) {
        java.util.OptionalLong seed;
        try {
            seed = org.cajal.runfolder.RunFolders.provenance(run.folder()).seed();
        } catch (java.io.IOException | RuntimeException e) {
            seed = java.util.OptionalLong.empty();
        }
        if (run.pipeline().isBlank()) {
            return run.runId();
        }
        return run.pipeline() + (seed.isPresent() ? ", seed " + seed.getAsLong() : "");
    }

    /** The legend, or with the run's id where another series already has it (the same pipeline and seed twice). */
    private String uniqueKey(String legend, String runId) {
        String key = legend;
        for (int k = 2; overlay.getSeriesIndex(key) >= 0; k++) {
            key = legend + " (" + runId + (k > 2 ? ", " + k : "") + ")";
        }
        return key;
    }

    XYSeriesCollection dataset() {
        return overlay;
    }

    DrawingCanvas canvas() {
        return drawing;
    }
}
