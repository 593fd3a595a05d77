package org.cajal.workbench.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerType;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The properties view with a catalog holding one fake layer type, headless, on the event-dispatch thread. */
class PropertiesPanelTest {

    /** A layer type that only describes itself (the view never builds layers). */
    static final class FakeLayer implements LayerType {
        static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor("dense", "Dense", "Core layers",
                "A fully connected layer.", List.of(
                        ParameterSpec.integer("units", 8).range(1, 4096).unit("neurons").help("Number of neurons."),
                        ParameterSpec.choice("activation", List.of("relu", "tanh", "sigmoid")),
                        ParameterSpec.number("dropout", 0.0).range(0, 0.99),
                        ParameterSpec.bool("bias", true)));

        @Override
        public ComponentDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public LayerBuild build(Parameters parameters, LayerContext context) {
            throw new UnsupportedOperationException("not used by the properties view");
        }
    }

    @TempDir
    Path home;

    private Workbench workbench;
    private PropertiesPanel panel;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        Pipeline pipeline = new Pipeline(Pipeline.SCHEMA_VERSION, "test", "", 42, ComponentRef.of("iris"),
                List.of(), SplitSpec.DEFAULT,
                new ModelSpec(ModelSpec.LAYER_STACK, null, List.of(
                        new ComponentRef("dense", Map.of("units", 16)),
                        ComponentRef.of("lstm"))),
                new TrainingSpec("categorical-cross-entropy", ComponentRef.of("adam"), 20, 32));
        onEdt(() -> {
            workbench = new Workbench(null, RuntimeServices.NONE,
                    new PipelineModel(pipeline), home, home.resolve("runs"),
                    null, null, new Notifier() {
                        @Override
                        public void error(String title, String message) {
                            errors.add(title + ": " + message);
                        }

                        @Override
                        public void status(String message) {
                        }
                    });
            workbench.catalogChanged(new Catalog(List.of(
                    new Catalog.Entry(ComponentKind.LAYER_TYPE, FakeLayer.DESCRIPTOR, new FakeLayer(), "test"))));
        });
        onEdt(() -> panel = new PropertiesPanel(workbench));
    }

    @Test
    void nothingSelectedShowsAHint() throws Exception {
        onEdt(() -> assertEquals(PropertiesPanel.NOTHING_SELECTED,
                find(JTextComponent.class, "properties.hint").getText()));
    }

    @Test
    void integerFieldIsValidatedAsTheUserTypes() throws Exception {
        onEdt(() -> {
            workbench.selection().select(Step.layer(0));
            assertEquals("Dense (dense)", find(JLabel.class, "properties.title").getText());
            JTextField units = find(JTextField.class, "param.units");
            JLabel problem = find(JLabel.class, "param.units.problem");
            assertEquals("16", units.getText());
            assertEquals("8", units.getClientProperty(TextEditor.PLACEHOLDER));
            assertEquals("1 .. 4096", find(JLabel.class, "param.units.hint").getText());

            units.setText("64");
            assertEquals(64, units().get("units"));
            assertTrue(units().get("units") instanceof Integer);
            assertEquals("", problem.getText());
            assertNull(units.getClientProperty(ParameterEditor.OUTLINE));

            units.setText("0");
            assertTrue(problem.getText().contains("out of range"), problem.getText());
            assertEquals("error", units.getClientProperty(ParameterEditor.OUTLINE));
            assertEquals(64, units().get("units"), "an invalid value is not written");

            units.setText("abc");
            assertTrue(problem.getText().startsWith("expected a whole number"), problem.getText());
            assertEquals(64, units().get("units"));

            units.setText("");
            assertFalse(units().containsKey("units"), "an empty field removes the value (default applies)");
            assertEquals("", problem.getText());
        });
    }

    @Test
    void numberChoiceAndBooleanEditorsWriteTypedValues() throws Exception {
        onEdt(() -> {
            workbench.selection().select(Step.layer(0));
            find(JTextField.class, "param.dropout").setText("0.25");
            assertEquals(0.25, units().get("dropout"));
            find(JTextField.class, "param.dropout").setText("1");
            assertTrue(find(JLabel.class, "param.dropout.problem").getText().contains("out of range"));
            find(JTextField.class, "param.dropout").setText("1e-1");
            assertEquals(0.1, units().get("dropout"));

            @SuppressWarnings("unchecked")
            JComboBox<ChoiceEditor.Item> activation = find(JComboBox.class, "param.activation");
            assertEquals("(default: relu)", activation.getItemAt(0).label());
            activation.setSelectedIndex(2);
            assertEquals("tanh", units().get("activation"));
            activation.setSelectedIndex(0);
            assertFalse(units().containsKey("activation"));

            JCheckBox bias = find(JCheckBox.class, "param.bias");
            assertTrue(bias.isSelected(), "shows the default");
            bias.doClick();
            assertEquals(false, units().get("bias"));
        });
    }

    @Test
    void pipelineChangesUpdateTheFieldsWithoutRebuildingTheForm() throws Exception {
        onEdt(() -> {
            workbench.selection().select(Step.layer(0));
            JTextField units = find(JTextField.class, "param.units");
            workbench.pipeline().edit(p -> PropertiesPanel.withParams(p, Step.layer(0), "dense",
                    Map.of("units", 128)));
            assertEquals("128", units.getText());
            assertTrue(units == find(JTextField.class, "param.units"), "same field: the form was not rebuilt");
        });
    }

    @Test
    void unfinishedTextSurvivesEditsOfOtherFieldsAndANewTypeRebuildsTheForm() throws Exception {
        onEdt(() -> {
            workbench.selection().select(Step.layer(0));
            JTextField units = find(JTextField.class, "param.units");
            units.setText("abc");
            find(JTextField.class, "param.dropout").setText("0.5");
            assertEquals("abc", units.getText());
            assertEquals(16, units().get("units"));

            workbench.pipeline().edit(p -> org.cajal.workbench.core.Pipelines.withLayers(p,
                    List.of(ComponentRef.of("conv9"), ComponentRef.of("lstm"))));
            assertTrue(find(JTextComponent.class, "properties.missing").getText().startsWith("'conv9'"));
        });
    }

    @Test
    void invalidValuesFromAFileAreShownWithTheirProblem() throws Exception {
        onEdt(() -> {
            workbench.pipeline().edit(p -> PropertiesPanel.withParams(p, Step.layer(0), "dense",
                    Map.of("units", "many", "colour", "red")));
            workbench.selection().select(Step.layer(0));
            assertEquals("many", find(JTextField.class, "param.units").getText());
            assertTrue(find(JLabel.class, "param.units.problem").getText().startsWith("expected a whole number"));
            assertTrue(find(JLabel.class, "param.colour.problem").getText().contains("not a parameter"));
            find(javax.swing.JButton.class, "param.colour.remove").doClick();
            assertFalse(units().containsKey("colour"));
            assertEquals("many", units().get("units"), "other values are kept as they are");
        });
    }

    @Test
    void missingTypeIsNamedWithItsRawParameters() throws Exception {
        onEdt(() -> {
            workbench.selection().select(Step.layer(1));
            assertEquals("'lstm' is not installed — install its plugin or choose another",
                    find(JTextComponent.class, "properties.missing").getText());
            assertNotNull(find(JTextComponent.class, "properties.rawParams"));
        });
    }

    @Test
    void trainingFormWritesValidValuesAndShowsRefusedCombinations() throws Exception {
        onEdt(() -> {
            workbench.selection().select(Step.TRAINING);
            JTextField epochs = find(JTextField.class, "training.epochs");
            assertEquals("20", epochs.getText());
            epochs.setText("50");
            assertEquals(50, workbench.pipeline().get().training().epochs());
            epochs.setText("0");
            assertTrue(find(JLabel.class, "training.epochs.problem").getText().contains("out of range"));
            assertEquals(50, workbench.pipeline().get().training().epochs());

            find(JTextField.class, "split.validation").setText("0.6");
            assertEquals(0.6, workbench.pipeline().get().split().validation());
            JTextField test = find(JTextField.class, "split.test");
            test.setText("0.5");
            assertEquals("validation and test fractions must be >= 0 and sum to less than 1",
                    find(JLabel.class, "split.test.problem").getText());
            assertEquals(0.2, workbench.pipeline().get().split().test(), "the pipeline is unchanged");

            find(JTextField.class, "training.seed").setText("7");
            assertEquals(7L, workbench.pipeline().get().seed());

            @SuppressWarnings("unchecked")
            JComboBox<ChoiceEditor.Item> loss = find(JComboBox.class, "training.loss");
            loss.setSelectedItem(new ChoiceEditor.Item("mse", "mse"));
            assertEquals("mse", workbench.pipeline().get().training().loss());

            JTextField patience = find(JTextField.class, "earlyStopping.patience");
            assertFalse(patience.isEnabled(), "early stopping is off");
            find(JCheckBox.class, "earlyStopping.enabled").doClick();
            assertTrue(workbench.pipeline().get().training().earlyStop().isPresent());
            assertTrue(patience.isEnabled());
            patience.setText("3");
            assertEquals(3, workbench.pipeline().get().training().earlyStopping().patience());

            find(JTextField.class, "regularisation.dropout").setText("1");
            assertFalse(find(JLabel.class, "regularisation.dropout.problem").getText().isEmpty());
            find(JTextField.class, "regularisation.l2").setText("0.001");
            assertEquals(0.001, workbench.pipeline().get().training().regularisation().l2());
        });
    }

    @Test
    void filePathsInsideTheBaseDirectoryAreStoredRelative() {
        Path base = Path.of("/data/project");
        assertEquals("csv/iris.csv", TextEditor.relativeIfInside(base, base.resolve("csv/iris.csv")));
        assertEquals(Path.of("/elsewhere/x.csv").toAbsolutePath().toString(),
                TextEditor.relativeIfInside(base, Path.of("/elsewhere/x.csv")));
    }

    @Test
    void numbersAreShownWithoutExponentNoise() {
        assertEquals("0.0001", ValueRule.formatValue(1e-4));
        assertEquals("2.0", ValueRule.formatValue(2.0));
        assertEquals("64", ValueRule.formatValue(64));
    }

    private Map<String, Object> units() {
        return workbench.pipeline().get().model().layers().get(0).params();
    }

    private <T extends Component> T find(Class<T> type, String name) {
        T found = find(panel.component(), type, name);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " named " + name);
        }
        return found;
    }

    private static <T extends Component> T find(Component c, Class<T> type, String name) {
        if (type.isInstance(c) && name.equals(c.getName())) {
            return type.cast(c);
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                T found = find(child, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Runs on the event-dispatch thread, rethrowing what it throws. */
    private static void onEdt(ThrowingRunnable r) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                r.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof Error e) {
            throw e;
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

}
