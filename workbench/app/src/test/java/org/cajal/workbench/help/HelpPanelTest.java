package org.cajal.workbench.help;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JEditorPane;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Describable;
import org.cajal.api.ParameterSpec;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelpPanelTest {

    private static final ComponentDescriptor FAKE_LAYER = new ComponentDescriptor("fake-layer", "Fake layer",
            "Test layers", "A layer that only exists in this test.",
            List.of(ParameterSpec.integer("units", 4).range(1, 64).unit("neurons").help("How many units."),
                    ParameterSpec.choice("activation", List.of("relu", "tanh")).withDefault("tanh")
                            .help("The non-linearity."),
                    ParameterSpec.choice("weightInit", List.of("auto", "xavier", "he")).help("Start weights."),
                    ParameterSpec.file("table").help("A required file.")));
    private static final ComponentDescriptor FAKE_OPTIMIZER = new ComponentDescriptor("adam", "Adam", "Optimizers",
            "Adaptive moments.", List.of(ParameterSpec.number("learningRate", 0.001).range(1e-6, 10),
            ParameterSpec.choice("schedule", List.of("none", "cosine"))));

    private Workbench workbench;
    private HelpPanel panel;

    @BeforeEach
    void setUp() throws Exception {
        Pipeline pipeline = new Pipeline(Pipeline.SCHEMA_VERSION, "test", "", 1, ComponentRef.of("blobs"), List.of(),
                SplitSpec.DEFAULT, new ModelSpec(ModelSpec.LAYER_STACK, null, List.of(ComponentRef.of("fake-layer"))),
                new TrainingSpec("categorical-cross-entropy", ComponentRef.of("adam"), 10, 16));
        Notifier quiet = new Notifier() {
            @Override
            public void error(String title, String message) {
            }

            @Override
            public void status(String message) {
            }
        };
        workbench = new Workbench(null, RuntimeServices.NONE,
                new PipelineModel(pipeline), Path.of("."), Path.of("runs"), null,
                null, quiet);
        workbench.catalogChanged(new Catalog(List.of(
                entry(ComponentKind.LAYER_TYPE, FAKE_LAYER, "org.example.fake"),
                entry(ComponentKind.OPTIMIZER, FAKE_OPTIMIZER, "org.cajal.optimizers"))));
        SwingUtilities.invokeAndWait(() -> panel = new HelpPanel(workbench));
    }

    private static Catalog.Entry entry(ComponentKind kind, ComponentDescriptor d, String bundle) {
        Describable service = () -> d;
        return new Catalog.Entry(kind, d, service, bundle);
    }

    @Test
    void withoutSelectionShowsTheLossAndOptimizerEquations() throws Exception {
        String equations = onEdt(() -> text("help.equations"));
        assertTrue(equations.contains("Categorical cross-entropy"), equations);
        assertTrue(equations.contains("Adam"), equations);
        assertTrue(onEdt(() -> text("help.text")).contains("Select a step"));
    }

    @Test
    void showsTheSelectedComponentsParameterTable() throws Exception {
        SwingUtilities.invokeAndWait(() -> workbench.selection().select(Step.layer(0)));
        String help = onEdt(() -> text("help.text"));
        for (String fact : List.of("Fake layer", "fake-layer", "Test layers", "org.example.fake",
                "A layer that only exists in this test.", "units", "integer", "1 .. 64", "neurons",
                "How many units.", "relu, tanh", "The non-linearity.", "required", "A required file.")) {
            assertTrue(help.contains(fact), fact + " missing in: " + help);
        }
        String equations = onEdt(() -> text("help.equations"));
        assertTrue(equations.contains("No formula is shipped for 'fake-layer'; see its help above."), equations);
        assertTrue(equations.contains("Activation: Hyperbolic tangent"), "the spec default: " + equations);
        assertTrue(equations.contains("Hyperbolic tangent"), equations);
        assertTrue(equations.contains("Xavier"), "auto is xavier for tanh: " + equations);
        assertTrue(equations.contains("Categorical cross-entropy"), equations);
    }

    @Test
    void followsEditsOfTheSelectedLayer() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            workbench.selection().select(Step.layer(0));
            workbench.pipeline().edit(p -> Pipelines.withLayers(p, List.of(
                    Pipelines.withParam(p.model().layers().get(0), "activation", "relu"))));
        });
        String equations = onEdt(() -> text("help.equations"));
        assertTrue(equations.contains("Activation: ReLU"), equations);
        assertTrue(equations.contains("He initialisation"), "auto is he for relu: " + equations);
        assertFalse(equations.contains("Hyperbolic tangent"), equations);
    }

    @Test
    void optimizerStepShowsItsScheduleAndTrainingItsLoss() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            workbench.pipeline().edit(p -> Pipelines.withOptimizer(p,
                    Pipelines.withParam(p.training().optimizer(), "schedule", "cosine")));
            workbench.selection().select(Step.OPTIMIZER);
        });
        String equations = onEdt(() -> text("help.equations"));
        assertTrue(equations.contains("Cosine annealing"), equations);
        assertTrue(onEdt(() -> text("help.text")).contains("Adaptive moments."));

        SwingUtilities.invokeAndWait(() -> workbench.selection().select(Step.TRAINING));
        String training = onEdt(() -> text("help.text"));
        assertTrue(training.contains("categorical-cross-entropy"), training);
        assertFalse(onEdt(() -> text("help.equations")).contains("Bernoulli"));
        assertTrue(onEdt(() -> text("help.equations")).contains("categorical"));
    }

    @Test
    void aComponentThatIsNotInstalledSaysSo() throws Exception {
        SwingUtilities.invokeAndWait(() -> workbench.selection().select(Step.DATASET));
        String help = onEdt(() -> text("help.text"));
        assertTrue(help.contains("No installed bundle provides a dataset with the id 'blobs'"), help);
    }

    private String text(String name) {
        JEditorPane pane = (JEditorPane) find(panel.component(), name);
        assertNotNull(pane, name);
        try {
            return pane.getDocument().getText(0, pane.getDocument().getLength());
        } catch (BadLocationException e) {
            throw new AssertionError(e);
        }
    }

    private static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T onEdt(java.util.function.Supplier<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> result.set(work.get()));
        return result.get();
    }
}
