package org.cajal.workbench.editor;

import static org.cajal.workbench.editor.EditorFixtures.await;
import static org.cajal.workbench.editor.EditorFixtures.find;
import static org.cajal.workbench.editor.EditorFixtures.onEdt;
import static org.cajal.workbench.editor.EditorFixtures.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JTable;
import javax.swing.JTextField;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Problem;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipelineEditorTest {

    private final ExecutorService background = EditorFixtures.background();
    private final EditorFixtures.FakeRunner runner = new EditorFixtures.FakeRunner();
    private final EditorFixtures.RecordingNotifier notifier = new EditorFixtures.RecordingNotifier();
    private Workbench workbench;
    private JComponent view;

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void open(Pipeline p) {
        workbench = EditorFixtures.workbench(EditorFixtures.catalog(), runner, p, background, notifier);
        view = onEdt(() -> new PipelineEditor(workbench).component());
    }

    private JTable layers() {
        return find(view, "editor.layers", JTable.class);
    }

    private String cell(int row, int column) {
        return onEdt(() -> String.valueOf(layers().getValueAt(row, column)));
    }

    private List<String> types() {
        return onEdt(() -> workbench.pipeline().get().model().layers().stream().map(ComponentRef::type).toList());
    }

    private void click(String name) {
        onEdt(() -> find(view, name, JButton.class).doClick());
    }

    private void awaitSummary() {
        await("the model summary", () -> !"…".equals(layers().getRowCount() == 0 ? "" : layers().getValueAt(0, 2))
                && find(view, "editor.totalParameters", JLabel.class).getText().matches(".*[0-9—]$"));
    }

    @Test
    void layerRowsShowTheSummarysShapesAndParameters() {
        open(pipeline("dense", "dense", "output"));
        awaitSummary();
        assertEquals(List.of("#", "Layer", "Output shape", "Parameters", "Status"),
                onEdt(() -> List.of(layers().getColumnName(0), layers().getColumnName(1), layers().getColumnName(2),
                        layers().getColumnName(3), layers().getColumnName(4))));
        assertEquals(3, onEdt(() -> layers().getRowCount()));
        assertEquals("Dense (dense)", cell(0, 1));
        assertEquals("[10]", cell(0, 2));
        assertEquals("100", cell(0, 3));
        assertEquals("[30]", cell(2, 2));
        assertEquals("OK", cell(2, 4));
        assertEquals("Total parameters: 600", onEdt(() -> find(view, "editor.totalParameters", JLabel.class)
                .getText()));
        assertEquals("Input: [784]", onEdt(() -> find(view, "editor.inputShape", JLabel.class).getText()));
    }

    @Test
    void totalsUseThousandsSeparators() {
        runner.summaries = p -> new ModelSummary(Optional.empty(), List.of(), 1234, List.of());
        open(pipeline("output"));
        await("total", () -> find(view, "editor.totalParameters", JLabel.class).getText()
                .equals("Total parameters: 1,234"));
    }

    @Test
    void aMissingLayerTypeIsMarkedEvenWhenTheSummaryFails() {
        runner.summaries = p -> {
            throw new IllegalStateException("layer type 'lstm' is not installed");
        };
        open(pipeline("dense", "lstm", "output"));
        await("problem shown", () -> find(view, "editor.problems", JList.class).getModel().getSize() == 1);
        assertEquals("missing: lstm is not installed", cell(1, 4));
        assertEquals("lstm", cell(1, 1));
        assertEquals("", cell(0, 4));
        Object problem = onEdt(() -> find(view, "editor.problems", JList.class).getModel().getElementAt(0));
        assertEquals("The model summary is not available: layer type 'lstm' is not installed",
                problem.toString());
        assertEquals("Total parameters: —", onEdt(() -> find(view, "editor.totalParameters", JLabel.class)
                .getText()));
    }

    @Test
    void aMissingDatasetIsMarked() {
        Pipeline p = pipeline("output");
        open(new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), ComponentRef.of("mnist"),
                p.preprocessing(), p.split(), p.model(), p.training()));
        assertTrue(onEdt(() -> find(view, "editor.datasetMissing", JLabel.class).isVisible()));
        assertEquals("mnist", onEdt(() -> find(view, "editor.datasetStep", JButton.class).getText()));
        assertEquals("Two moons (moons)", onEdt(() -> {
            workbench.pipeline().edit(x -> PipelineEdits.switchDataset(x, "moons").pipeline());
            return find(view, "editor.datasetStep", JButton.class).getText();
        }));
        assertFalse(onEdt(() -> find(view, "editor.datasetMissing", JLabel.class).isVisible()));
    }

    @Test
    void layerProblemsAreOnTheRowAndOthersInTheProblemsList() {
        runner.summaries = p -> {
            ModelSummary s = EditorFixtures.cannedSummary(p);
            List<Problem> problems = new java.util.ArrayList<>(s.problems());
            problems.add(new Problem("$.training.epochs", "epochs must be at least 1"));
            return new ModelSummary(s.input(), s.layers(), s.totalParameters(), problems);
        };
        Pipeline p = pipeline("dense", "dense", "output");
        open(Pipelines.withLayers(p, Pipelines.replace(p.model().layers(), 1,
                new ComponentRef("dense", java.util.Map.of("bad", true)))));
        await("problems", () -> find(view, "editor.problems", JList.class).getModel().getSize() == 1);
        assertEquals("layer 1 does not fit", cell(1, 4));
        assertEquals("$.training.epochs: epochs must be at least 1",
                onEdt(() -> find(view, "editor.problems", JList.class).getModel().getElementAt(0).toString()));
        assertEquals("Total parameters: —", onEdt(() -> find(view, "editor.totalParameters", JLabel.class)
                .getText()));
    }

    @Test
    void addLayerInsertsBeforeTheOutputLayerOrAfterTheSelectedRow() {
        open(pipeline("dense", "output"));
        onEdt(() -> find(view, "editor.layerType", JComboBox.class).setSelectedIndex(indexOf("conv2d")));
        click("editor.addLayer");
        assertEquals(List.of("dense", "conv2d", "output"), types());
        assertEquals(Optional.of(Step.layer(1)), onEdt(() -> workbench.selection().get()));
        assertEquals(1, onEdt(() -> layers().getSelectedRow()));

        onEdt(() -> layers().setRowSelectionInterval(0, 0));
        assertEquals(Optional.of(Step.layer(0)), onEdt(() -> workbench.selection().get()));
        click("editor.addLayer");
        assertEquals(List.of("dense", "conv2d", "conv2d", "output"), types());
    }

    private int indexOf(String id) {
        @SuppressWarnings("unchecked")
        JComboBox<EditorWidgets.Choice> combo = find(view, "editor.layerType", JComboBox.class);
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItemAt(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id + " not offered");
    }

    @Test
    void removeAndMoveChangeThePipeline() {
        open(pipeline("dense", "conv2d", "output"));
        onEdt(() -> workbench.selection().select(Step.layer(1)));
        assertEquals(1, onEdt(() -> layers().getSelectedRow()));

        click("editor.moveUp");
        assertEquals(List.of("conv2d", "dense", "output"), types());
        assertEquals(0, onEdt(() -> layers().getSelectedRow()));
        assertFalse(onEdt(() -> find(view, "editor.moveUp", JButton.class).isEnabled()));

        click("editor.moveDown");
        click("editor.moveDown");
        assertEquals(List.of("dense", "output", "conv2d"), types());
        assertEquals(Optional.of(Step.layer(2)), onEdt(() -> workbench.selection().get()));

        click("editor.removeLayer");
        assertEquals(List.of("dense", "output"), types());
        assertEquals(Optional.of(Step.layer(1)), onEdt(() -> workbench.selection().get()));
        assertTrue(onEdt(() -> workbench.pipeline().dirty()));
    }

    @Test
    void stepsAreSelectedFromTheEditor() {
        open(pipeline("output"));
        click("editor.datasetStep");
        assertEquals(Optional.of(Step.DATASET), onEdt(() -> workbench.selection().get()));
        click("editor.optimizerStep");
        assertEquals(Optional.of(Step.OPTIMIZER), onEdt(() -> workbench.selection().get()));
        click("editor.training");
        assertEquals(Optional.of(Step.TRAINING), onEdt(() -> workbench.selection().get()));
        assertEquals("loss: categorical-cross-entropy · 60 epochs · batch 16 · validation 20 % · test 20 %",
                onEdt(() -> find(view, "editor.trainingSummary", JLabel.class).getText()));
    }

    @Test
    void preprocessingStepsAreAddedAndRemoved() {
        open(pipeline("output"));
        click("editor.addPreprocessing");
        assertEquals(List.of(ComponentRef.of("standardise")),
                onEdt(() -> workbench.pipeline().get().preprocessing()));
        assertEquals(Optional.of(Step.preprocessing(0)), onEdt(() -> workbench.selection().get()));
        assertEquals("Standardise (standardise)", onEdt(() ->
                find(view, "editor.preprocessing", JList.class).getModel().getElementAt(0).toString()));
        click("editor.removePreprocessing");
        assertEquals(List.of(), onEdt(() -> workbench.pipeline().get().preprocessing()));
    }

    @Test
    void combosSwitchComponentsAndTheNameFieldRenames() {
        open(pipeline("output"));
        onEdt(() -> find(view, "editor.optimizer", JComboBox.class).setSelectedIndex(1));
        assertEquals("sgd", onEdt(() -> workbench.pipeline().get().training().optimizer().type()));
        assertEquals(Optional.of(Step.OPTIMIZER), onEdt(() -> workbench.selection().get()));

        onEdt(() -> find(view, "editor.name", JTextField.class).setText("renamed"));
        await("renamed", () -> workbench.pipeline().get().name().equals("renamed"));

        // a pipeline replaced from outside shows in the editor, and a re-render does not edit it
        onEdt(() -> workbench.pipeline().replace(pipeline("dense", "output"), null));
        assertEquals("test", onEdt(() -> find(view, "editor.name", JTextField.class).getText()));
        assertFalse(onEdt(() -> workbench.pipeline().dirty()));
        assertEquals(2, onEdt(() -> layers().getRowCount()));
    }

    @Test
    void doubleClickingAProblemSelectsItsStep() {
        runner.summaries = p -> new ModelSummary(Optional.empty(), List.of(), -1,
                List.of(new Problem("$.dataset.params.file", "file not found")));
        open(pipeline("output"));
        await("problem", () -> find(view, "editor.problems", JList.class).getModel().getSize() == 1);
        onEdt(() -> {
            JList<?> list = find(view, "editor.problems", JList.class);
            list.setSize(400, 100);
            list.dispatchEvent(new java.awt.event.MouseEvent(list, java.awt.event.MouseEvent.MOUSE_CLICKED,
                    System.currentTimeMillis(), 0, 5, 5, 2, false, java.awt.event.MouseEvent.BUTTON1));
        });
        assertEquals(Optional.of(Step.DATASET), onEdt(() -> workbench.selection().get()));
    }

    @Test
    void anotherArchitectureShowsItsOwnStepInsteadOfTheLayerTable() {
        open(pipeline("dense", "output"));
        onEdt(() -> find(view, "editor.architecture", JComboBox.class).setSelectedIndex(1));
        assertEquals("resnet", onEdt(() -> workbench.pipeline().get().model().architecture()));
        assertEquals(List.of("dense", "output"), types());
        assertFalse(onEdt(() -> layers().isShowing() || layers().getParent().getParent().getParent().isVisible()));
        assertEquals("ResNet (resnet)", onEdt(() -> find(view, "editor.architectureStep", JButton.class).getText()));
        onEdt(() -> workbench.selection().clear());
        click("editor.architectureStep");
        assertEquals(Optional.of(Step.ARCHITECTURE), onEdt(() -> workbench.selection().get()));
    }
}
