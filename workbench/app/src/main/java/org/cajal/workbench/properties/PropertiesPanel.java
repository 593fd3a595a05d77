package org.cajal.workbench.properties;

import java.awt.BorderLayout;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;

/**
 * The properties view: a form for the selected step of the pipeline.
 *
 * <p>For the dataset, a preprocessing step, a layer, the optimizer and the architecture it shows a
 * {@link ParameterForm} generated from the installed component's descriptor (title "Display Name (id)", the
 * component's help, one row per parameter); for the training settings the fixed {@link TrainingForm}. A component
 * that is not installed is named with its raw parameters, read-only. Valid edits go straight into the
 * {@link org.cajal.workbench.core.PipelineModel} (one undoable edit each).
 *
 * <p>The form is rebuilt only when the selected step, its component type or the installed descriptor changes;
 * other changes of the pipeline (undo, edits in another view) update the values of the fields the user is not
 * typing in.
 *
 * <p>Component names: {@code properties} (the view), {@code properties.title}, {@code properties.step},
 * {@code properties.help}, {@code properties.hint} (nothing selected), {@code properties.missing} and
 * {@code properties.rawParams} (component not installed); the fields are named as {@link ParameterForm} and
 * {@link TrainingForm} say ({@code param.units}, {@code training.epochs}, ...).
 */
public final class PropertiesPanel {

    /** Shown when no step is selected. */
    static final String NOTHING_SELECTED = "Select a step in the pipeline to edit it.";

    /** What the form is built for: it is rebuilt when this changes. */
    private record Shown(Step step, String type, ComponentDescriptor descriptor, boolean present) {
    }

    /** The selected step resolved against the pipeline: its component type and parameters, if it still exists. */
    private record Target(Step step, String type, Map<String, Object> params) {
    }

    private final Workbench workbench;
    private final JPanel root = new JPanel(new BorderLayout());
    private final JScrollPane scroll = new JScrollPane();
    private Shown shown;
    private ParameterForm form;
    private TrainingForm training;

    public PropertiesPanel(Workbench workbench) {
        this.workbench = Objects.requireNonNull(workbench);
        root.setName("properties");
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        root.add(scroll, BorderLayout.CENTER);
        workbench.selection().addListener(step -> refresh());
        workbench.pipeline().addListener((model, change) -> {
            if (change == PipelineModel.Change.UNDONE) {
                shown = null; // new editors, so even the focused field shows the restored value
            }
            refresh();
        });
        workbench.onCatalogChange(this::refresh);
        refresh();
    }

    public JComponent component() {
        return root;
    }

    /** Brings the view up to date with the selection, the pipeline and the catalog. */
    private void refresh() {
        Optional<Step> selected = workbench.selection().get();
        Pipeline pipeline = workbench.pipeline().get();
        Optional<Target> target = selected.flatMap(step -> resolve(pipeline, step));
        Shown next;
        if (selected.isEmpty()) {
            next = new Shown(null, null, null, false);
        } else if (target.isEmpty()) {
            next = new Shown(selected.get(), null, null, false);
        } else if (selected.get().part() == Step.Part.TRAINING) {
            next = new Shown(selected.get(), null, null, true);
        } else {
            Target t = target.get();
            next = new Shown(t.step(), t.type(),
                    workbench.catalog().descriptor(t.step().kind(), t.type()).orElse(null), true);
        }
        if (next.equals(shown) && (form == null || form.fits(target.map(Target::params).orElse(Map.of())))) {
            if (form != null) {
                form.update(target.get().params());
            } else if (training != null) {
                training.update(pipeline);
            }
            return;
        }
        shown = next;
        form = null;
        training = null;
        scroll.setViewportView(build(next, target.orElse(null), pipeline));
        scroll.revalidate();
        scroll.repaint();
        // a new form starts at its top (its first field, not wherever a focused field scrolled it)
        SwingUtilities.invokeLater(() -> scroll.getVerticalScrollBar().setValue(0));
    }

    private JComponent build(Shown what, Target target, Pipeline pipeline) {
        FormPanel panel = new FormPanel();
        if (what.step() == null) {
            hint(panel, NOTHING_SELECTED);
        } else if (target == null) {
            hint(panel, "The selected step is no longer in the pipeline. " + NOTHING_SELECTED);
        } else if (what.step().part() == Step.Part.TRAINING) {
            panel.addTitle("Training", "properties.title");
            panel.addText("How the model is trained and evaluated: loss, epochs, batch size, the data split, "
                    + "regularisation and early stopping.", "properties.help");
            training = new TrainingForm(panel, workbench.pipeline());
        } else if (what.descriptor() != null) {
            ComponentDescriptor d = what.descriptor();
            panel.addTitle(d.displayName() + " (" + d.id() + ")", "properties.title");
            stepLine(panel, what.step(), pipeline);
            if (!d.help().isBlank()) {
                panel.addText(d.help(), "properties.help");
            }
            Step step = what.step();
            String type = what.type();
            form = new ParameterForm(panel, d, target.params(), params -> write(step, type, params),
                    workbench.pipeline()::baseDirectory, ParameterForm.DEFAULT_PREFIX);
        } else if (what.step().part() == Step.Part.ARCHITECTURE && ModelSpec.LAYER_STACK.equals(what.type())) {
            panel.addTitle("Layer stack (" + ModelSpec.LAYER_STACK + ")", "properties.title");
            stepLine(panel, what.step(), pipeline);
            panel.addText("The model is a plain stack of layers, input side first. Select a layer to edit its "
                    + "parameters; add layers from the palette.", "properties.help");
        } else {
            notInstalled(panel, what.step(), target, pipeline);
        }
        panel.finish();
        return panel;
    }

    private static void hint(FormPanel panel, String text) {
        WrappedText hint = panel.addText(text, "properties.hint");
        hint.setForeground(WrappedText.small("").getForeground());
    }

    private static void stepLine(FormPanel panel, Step step, Pipeline pipeline) {
        JLabel line = new JLabel(describe(step, pipeline) + "  ·  " + step.jsonPath());
        line.setName("properties.step");
        line.setForeground(WrappedText.small("").getForeground());
        panel.addWide(line);
    }

    private static void notInstalled(FormPanel panel, Step step, Target target, Pipeline pipeline) {
        panel.addTitle("'" + target.type() + "'", "properties.title");
        stepLine(panel, step, pipeline);
        WrappedText missing = panel.addText("'" + target.type() + "' is not installed — install its plugin or "
                + "choose another", "properties.missing");
        java.awt.Color red = UIManager.getColor("Component.error.focusedBorderColor");
        if (red != null) {
            missing.setForeground(red);
        }
        String raw = target.params().isEmpty() ? "(no parameters)"
                : target.params().entrySet().stream()
                        .map(e -> e.getKey() + " = " + ValueRule.formatValue(e.getValue()))
                        .collect(Collectors.joining("\n"));
        WrappedText params = panel.addText(raw, "properties.rawParams");
        params.setFocusable(true);
    }

    /** "Layer 2 of 5", "Dataset", ... */
    private static String describe(Step step, Pipeline p) {
        return switch (step.part()) {
            case DATASET -> "Dataset";
            case PREPROCESSING -> "Preprocessing step " + (step.index() + 1) + " of " + p.preprocessing().size();
            case LAYER -> "Layer " + (step.index() + 1) + " of " + p.model().layers().size();
            case ARCHITECTURE -> "Architecture";
            case OPTIMIZER -> "Optimizer";
            case TRAINING -> "Training";
        };
    }

    /** The component at a step of the pipeline, if the step exists. */
    private static Optional<Target> resolve(Pipeline p, Step step) {
        return switch (step.part()) {
            case DATASET -> Optional.of(target(step, p.dataset()));
            case PREPROCESSING -> at(p.preprocessing(), step.index()).map(ref -> target(step, ref));
            case LAYER -> at(p.model().layers(), step.index()).map(ref -> target(step, ref));
            case OPTIMIZER -> Optional.of(target(step, p.training().optimizer()));
            case ARCHITECTURE -> Optional.of(new Target(step, p.model().architecture(), p.model().params()));
            case TRAINING -> Optional.of(new Target(step, null, Map.of()));
        };
    }

    private static Target target(Step step, ComponentRef ref) {
        return new Target(step, ref.type(), ref.params());
    }

    private static <T> Optional<T> at(List<T> list, int index) {
        return index >= 0 && index < list.size() ? Optional.of(list.get(index)) : Optional.empty();
    }

    /** Writes a component's new parameters, unless the step no longer holds that component. */
    private void write(Step step, String type, Map<String, Object> params) {
        workbench.pipeline().edit(p -> withParams(p, step, type, params));
    }

    static Pipeline withParams(Pipeline p, Step step, String type, Map<String, Object> params) {
        Optional<Target> now = resolve(p, step);
        if (now.isEmpty() || !Objects.equals(now.get().type(), type)) {
            return p;
        }
        ComponentRef ref = new ComponentRef(type, params);
        return switch (step.part()) {
            case DATASET -> Pipelines.withDataset(p, ref);
            case PREPROCESSING -> Pipelines.withPreprocessing(p, Pipelines.replace(p.preprocessing(), step.index(),
                    ref));
            case LAYER -> Pipelines.withLayers(p, Pipelines.replace(p.model().layers(), step.index(), ref));
            case OPTIMIZER -> Pipelines.withOptimizer(p, ref);
            case ARCHITECTURE -> Pipelines.withModel(p, new ModelSpec(type, params, p.model().layers()));
            case TRAINING -> p;
        };
    }
}
