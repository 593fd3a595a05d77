package org.cajal.workbench.results;

import java.awt.BorderLayout;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.DrawingCanvas;
import org.cajal.workbench.core.Workbench;

/**
 * One visualiser's tab in the results view: a parameter bar generated from its descriptor (Apply re-renders),
 * the drawing, and PNG/SVG export. Rendering runs on the background executor the first time the tab is shown and
 * on Apply; a render that is overtaken by a newer one is dropped; a failure shows its message in place of the
 * drawing. Event-dispatch thread.
 */
final class VisualiserView {

    private final Workbench workbench;
    private final Visualiser visualiser;
    private final RunRecord record;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final DrawingCanvas canvas = new DrawingCanvas();
    private final ParameterBar parameters;
    private int generation;
    private boolean rendered;

    VisualiserView(Workbench workbench, Visualiser visualiser, RunRecord record) {
        this.workbench = workbench;
        this.visualiser = visualiser;
        this.record = record;
        this.parameters = new ParameterBar(visualiser.descriptor());
        panel.setName("results.visualiser." + visualiser.id());

        JPanel bar = new JPanel(new BorderLayout());
        bar.setBorder(BorderFactory.createEmptyBorder(2, 4, 2, 4));
        JPanel left = new JPanel(new BorderLayout());
        left.add(parameters.component(), BorderLayout.CENTER);
        if (!parameters.isEmpty()) {
            JButton apply = new JButton("Apply");
            apply.setName("results.apply");
            apply.setToolTipText("Draw again with these parameters");
            apply.addActionListener(e -> render());
            JPanel applyBox = new JPanel();
            applyBox.add(apply);
            left.add(applyBox, BorderLayout.EAST);
        }
        bar.add(left, BorderLayout.CENTER);
        panel.add(bar, BorderLayout.NORTH);
        panel.add(canvas, BorderLayout.CENTER);
        // export under the chart (as in the training view), so the parameter row has the whole width
        panel.add(ChartExport.buttons(workbench, "results.exportPng", "results.exportSvg", canvas, canvas::drawing,
                () -> record.runId() + "-" + visualiser.id()), BorderLayout.SOUTH);
        canvas.setMessage("Rendering…");
    }

    JComponent component() {
        return panel;
    }

    Visualiser visualiser() {
        return visualiser;
    }

    RunRecord record() {
        return record;
    }

    DrawingCanvas canvas() {
        return canvas;
    }

    /** Renders once, the first time the tab is shown. */
    void ensureRendered() {
        if (!rendered) {
            render();
        }
    }

    /** Renders with the parameters in the bar, on the background executor. */
    void render() {
        rendered = true;
        Parameters values;
        try {
            values = Parameters.resolve(visualiser.descriptor(), parameters.values(), record.folder());
        } catch (IllegalArgumentException e) {
            canvas.setMessage("Check the parameters: " + e.getMessage());
            return;
        }
        int mine = ++generation;
        canvas.setMessage("Rendering " + visualiser.descriptor().displayName() + "…");
        workbench.background().execute(() -> {
            Drawing drawing;
            String failure = null;
            try {
                drawing = visualiser.render(record, values);
                if (drawing == null) {
                    failure = visualiser.descriptor().displayName() + " drew nothing for this run.";
                }
            } catch (RuntimeException | LinkageError e) {
                drawing = null;
                failure = "Cannot draw " + visualiser.descriptor().displayName() + ": "
                        + Messages.of(e);
            }
            Drawing result = drawing;
            String message = failure;
            SwingUtilities.invokeLater(() -> {
                if (mine != generation) {
                    return;
                }
                if (result != null) {
                    canvas.setDrawing(result);
                } else {
                    canvas.setMessage(message);
                }
            });
        });
    }
}
