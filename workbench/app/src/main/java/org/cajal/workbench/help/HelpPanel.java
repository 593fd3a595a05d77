package org.cajal.workbench.help;

import static org.cajal.workbench.help.Equations.escape;

import java.awt.BorderLayout;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JEditorPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.train.Loss;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;
import org.cajal.workbench.help.Equations.Topic;

/**
 * The "Help" side tab: the help of the selected step's component (display name, id, category, bundle, help text
 * and a parameter table, the same facts docs/components.md has) in {@code help.text}, and below it, in
 * {@code help.equations}, the formulas of the current pipeline: the selected layer's own equation, activation and
 * weight initialisation, the optimizer (with its learning-rate schedule), the training loss with its
 * maximum-likelihood origin, and any regularisation. With no step selected it shows the pipeline's loss and
 * optimizer. Follows the selection, the pipeline and the catalog; event-dispatch thread only.
 */
public final class HelpPanel {

    static final String ACTIVATION = "activation";
    static final String WEIGHT_INIT = "weightInit";
    static final String SCHEDULE = "schedule";
    private static final String AUTO = "auto";
    private static final String SHOWN = "cajal.help.shown";

    private final Workbench workbench;
    private final JEditorPane text = htmlPane("help.text");
    private final JEditorPane equations = htmlPane("help.equations");
    private final JPanel root = new JPanel(new BorderLayout());

    public HelpPanel(Workbench workbench) {
        this.workbench = workbench;
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(text), new JScrollPane(equations));
        split.setResizeWeight(0.55);
        split.setBorder(BorderFactory.createEmptyBorder());
        root.setName("help");
        root.add(split, BorderLayout.CENTER);
        workbench.selection().addListener(step -> refresh());
        workbench.pipeline().addListener((model, change) -> refresh());
        workbench.onCatalogChange(this::refresh);
        refresh();
    }

    public JComponent component() {
        return root;
    }

    /** Re-renders both panes from the selection, the pipeline and the catalog. */
    void refresh() {
        show(text, helpHtml());
        show(equations, equationsHtml());
    }

    /** Shows the HTML unless the pane shows it already, so an edit that changes nothing here keeps the scrolling. */
    private static void show(JEditorPane pane, String html) {
        if (html.equals(pane.getClientProperty(SHOWN))) {
            return;
        }
        pane.putClientProperty(SHOWN, html);
        pane.setText(html);
        pane.setCaretPosition(0);
    }

    private static JEditorPane htmlPane(String name) {
        JEditorPane pane = new JEditorPane("text/html", "");
        pane.setName(name);
        pane.setEditable(false);
        pane.putClientProperty(JEditorPane.HONOR_DISPLAY_PROPERTIES, Boolean.TRUE);
        return pane;
    }

    // ---------------------------------------------------------------- what is selected

    /** The selected step if it still exists in the pipeline. */
    private Optional<Step> selectedStep() {
        Pipeline p = workbench.pipeline().get();
        return workbench.selection().get().filter(step -> switch (step.part()) {
            case PREPROCESSING -> step.index() >= 0 && step.index() < p.preprocessing().size();
            case LAYER -> step.index() >= 0 && step.index() < p.model().layers().size();
            default -> true;
        });
    }

    /** The component a step names (TRAINING names none; nor does the built-in layer stack). */
    private static Optional<ComponentRef> reference(Pipeline p, Step step) {
        return switch (step.part()) {
            case DATASET -> Optional.of(p.dataset());
            case PREPROCESSING -> Optional.of(p.preprocessing().get(step.index()));
            case LAYER -> Optional.of(p.model().layers().get(step.index()));
            case ARCHITECTURE -> p.model().isLayerStack() ? Optional.empty()
                    : Optional.of(new ComponentRef(p.model().architecture(), p.model().params()));
            case OPTIMIZER -> Optional.of(p.training().optimizer());
            case TRAINING -> Optional.empty();
        };
    }

    private static String stepTitle(Step step) {
        String where = switch (step.part()) {
            case DATASET -> "Dataset";
            case PREPROCESSING -> "Preprocessing step " + (step.index() + 1);
            case LAYER -> "Layer " + (step.index() + 1);
            case ARCHITECTURE -> "Architecture";
            case OPTIMIZER -> "Optimizer";
            case TRAINING -> "Training";
        };
        return where + " (" + step.jsonPath() + ")";
    }

    // ---------------------------------------------------------------- help text

    /** The HTML of the help pane. */
    String helpHtml() {
        StringBuilder b = new StringBuilder("<html><body>");
        Pipeline p = workbench.pipeline().get();
        Optional<Step> selected = selectedStep();
        if (selected.isEmpty()) {
            b.append("<h2>Help</h2><p>Select a step of the pipeline (the dataset, a preprocessing step, a layer, "
                    + "the optimizer or the training settings) to see what its component does and what its "
                    + "parameters mean. The equations below show the formulas of this pipeline.</p>");
            return b.append("</body></html>").toString();
        }
        Step step = selected.get();
        b.append("<p><i>").append(escape(stepTitle(step))).append("</i></p>");
        if (step.part() == Step.Part.TRAINING) {
            appendTraining(b, p.training());
        } else if (step.part() == Step.Part.ARCHITECTURE && p.model().isLayerStack()) {
            b.append("<h2>Layer stack</h2><p>The built-in architecture: the layers of the model run one after "
                    + "another, input side first, each taking the previous one's output. Select a layer to see its "
                    + "help.</p>");
        } else {
            ComponentRef ref = reference(p, step).orElseThrow();
            Optional<Catalog.Entry> entry = workbench.catalog().find(step.kind(), ref.type());
            if (entry.isPresent()) {
                appendComponent(b, entry.get());
            } else {
                b.append("<h2>").append(escape(ref.type())).append("</h2><p>No installed bundle provides a ")
                        .append(step.kind().noun()).append(" with the id '").append(escape(ref.type()))
                        .append("'. Install the plugin that contributes it (Plugins tab), or choose another ")
                        .append(step.kind().noun()).append(" from the palette.</p>");
            }
        }
        return b.append("</body></html>").toString();
    }

    private static void appendComponent(StringBuilder b, Catalog.Entry entry) {
        ComponentDescriptor d = entry.descriptor();
        b.append("<h2>").append(escape(d.displayName())).append("</h2>");
        b.append("<p><b>id</b> ").append(code(d.id()))
                .append(" &nbsp; <b>category</b> ").append(escape(d.category()))
                .append(" &nbsp; <b>bundle</b> ").append(entry.bundle().isEmpty() ? "unknown" : code(entry.bundle()))
                .append("</p>");
        if (!d.help().isBlank()) {
            b.append("<p>").append(escape(d.help())).append("</p>");
        }
        if (d.parameters().isEmpty()) {
            b.append("<p>No parameters.</p>");
            return;
        }
        b.append("<h3>Parameters</h3><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">")
                .append("<tr><th>key</th><th>kind</th><th>default</th><th>range / choices</th><th>unit</th>")
                .append("<th>help</th></tr>");
        for (ParameterSpec s : d.parameters()) {
            b.append("<tr><td>").append(code(s.key()))
                    .append("</td><td>").append(s.kind().name().toLowerCase(Locale.ROOT))
                    .append("</td><td>").append(defaultText(s))
                    .append("</td><td>").append(escape(rangeText(s)))
                    .append("</td><td>").append(escape(s.unit()))
                    .append("</td><td>").append(escape(s.help()))
                    .append("</td></tr>");
        }
        b.append("</table>");
    }

    /** As docs/components.md writes it: the default, "required", or a dash for an optional parameter. */
    static String defaultText(ParameterSpec s) {
        if (s.defaultValue() != null) {
            return code(String.valueOf(s.defaultValue()));
        }
        return s.required() ? "required" : "—";
    }

    /** The choices, the numeric range, or nothing (docs/components.md's "allowed" column). */
    static String rangeText(ParameterSpec s) {
        return s.choices().isEmpty() && s.min() == null && s.max() == null ? "" : s.rangeText();
    }

    private static void appendTraining(StringBuilder b, TrainingSpec t) {
        b.append("<h2>Training</h2><p>How the network is fitted: the loss it minimises, the optimizer that "
                + "takes the steps, how many passes over the data, how many examples per step, and what keeps "
                + "it from fitting noise.</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
        row(b, "loss", code(t.loss()) + " — " + escape(lossSentence(t.loss())));
        row(b, "optimizer", code(t.optimizer().type()) + " (select the optimizer step for its parameters)");
        row(b, "epochs", t.epochs() + " passes over the training split"
                + (t.earlyStop().isPresent() ? " at most" : ""));
        row(b, "batch size", t.batchSize() == 0 ? "0: the whole training split per step (full batch)"
                : t.batchSize() + " examples per step");
        Regularisation r = t.regularisation();
        row(b, "regularisation", r.isNone() ? "none" : "l1 " + r.l1() + ", l2 " + r.l2() + ", dropout "
                + r.dropout() + ", input noise " + r.inputNoise());
        row(b, "early stopping", t.earlyStop().map(e -> "after " + e.patience() + " epochs without an improvement of "
                + "the validation loss by more than " + e.minDelta() + (e.restoreBest() ? "; the best epoch's "
                + "weights are restored" : "")).orElse("off: all epochs run"));
        b.append("</table><p>Losses: ");
        b.append(String.join(", ", Loss.ids().stream().map(HelpPanel::code).toList()));
        b.append(".</p>");
    }

    private static String lossSentence(String id) {
        return Loss.byId(id).map(l -> switch (l) {
            case MSE -> "mean squared error, for regression (Gaussian likelihood)";
            case MAE -> "mean absolute error, for regression robust to outliers (Laplace likelihood)";
            case BINARY_CROSS_ENTROPY -> "for two classes, one sigmoid output (Bernoulli likelihood)";
            case CATEGORICAL_CROSS_ENTROPY -> "for two or more classes, softmax outputs (categorical likelihood)";
        }).orElse("not a loss Cajal knows; use one of " + String.join(", ", Loss.ids()));
    }

    private static void row(StringBuilder b, String key, String valueHtml) {
        b.append("<tr><td><b>").append(escape(key)).append("</b></td><td>").append(valueHtml).append("</td></tr>");
    }

    // ---------------------------------------------------------------- equations

    /** The HTML of the equations pane. */
    String equationsHtml() {
        Pipeline p = workbench.pipeline().get();
        TrainingSpec t = p.training();
        StringBuilder b = new StringBuilder("<html><body><h2>Equations</h2>");
        Optional<Step> selected = selectedStep();
        Set<String> shown = new LinkedHashSet<>();
        if (selected.isEmpty()) {
            b.append("<p>This pipeline minimises its loss with its optimizer:</p>");
        } else {
            Step step = selected.get();
            switch (step.part()) {
                case LAYER -> appendLayer(b, p.model().layers().get(step.index()), t.loss());
                case OPTIMIZER -> {
                    appendOptimizer(b, t.optimizer());
                    shown.add("optimizer");
                }
                case TRAINING -> {
                    appendLoss(b, t.loss());
                    appendRegularisation(b, t.regularisation());
                    shown.add("loss");
                    shown.add("regularisation");
                }
                default -> {
                }
            }
            b.append("<h2>This pipeline's training</h2>");
        }
        if (!shown.contains("loss")) {
            appendLoss(b, t.loss());
        }
        if (!shown.contains("optimizer")) {
            appendOptimizer(b, t.optimizer());
        }
        if (!shown.contains("regularisation")) {
            appendRegularisation(b, t.regularisation());
        }
        return b.append("</body></html>").toString();
    }

    private void appendLayer(StringBuilder b, ComponentRef layer, String loss) {
        section(b, Topic.LAYER, layer.type());
        Optional<ComponentDescriptor> d = workbench.catalog().descriptor(ComponentKind.LAYER_TYPE, layer.type());
        Optional<String> activation = choice(layer, d, ACTIVATION);
        String resolvedActivation = null;
        if (activation.isPresent()) {
            String a = activation.get();
            resolvedActivation = AUTO.equals(a) ? activationForLoss(loss).orElse(null) : a;
            if (resolvedActivation == null) {
                b.append("<h3>Activation: automatic</h3><p>The activation follows the loss, and '")
                        .append(escape(loss)).append("' is not a loss Cajal knows.</p>");
            } else {
                section(b, Topic.ACTIVATION, resolvedActivation, AUTO.equals(a) ? " (auto, from the loss "
                        + escape(loss) + ")" : "");
            }
        }
        Optional<String> init = choice(layer, d, WEIGHT_INIT);
        if (init.isPresent()) {
            String i = init.get();
            if (AUTO.equals(i)) {
                String chosen = resolvedActivation != null && isRectifier(resolvedActivation) ? "he" : "xavier";
                section(b, Topic.WEIGHT_INIT, chosen, resolvedActivation == null ? " (auto)"
                        : " (auto, for " + escape(resolvedActivation) + ")");
            } else {
                section(b, Topic.WEIGHT_INIT, i, "");
            }
        }
    }

    private static void appendLoss(StringBuilder b, String loss) {
        section(b, Topic.LOSS, loss);
    }

    private void appendOptimizer(StringBuilder b, ComponentRef optimizer) {
        section(b, Topic.OPTIMIZER, optimizer.type());
        Optional<ComponentDescriptor> d = workbench.catalog().descriptor(ComponentKind.OPTIMIZER, optimizer.type());
        choice(optimizer, d, SCHEDULE).filter(s -> !"none".equals(s))
                .ifPresent(s -> section(b, Topic.SCHEDULE, s));
    }

    private static void appendRegularisation(StringBuilder b, Regularisation r) {
        if (r.l1() > 0) {
            section(b, Topic.REGULARISATION, "l1", " (λ<sub>1</sub> = " + r.l1() + ")");
        }
        if (r.l2() > 0) {
            section(b, Topic.REGULARISATION, "l2", " (λ<sub>2</sub> = " + r.l2() + ")");
        }
        if (r.dropout() > 0) {
            section(b, Topic.REGULARISATION, "dropout", " (p = " + r.dropout() + ")");
        }
        if (r.inputNoise() > 0) {
            section(b, Topic.REGULARISATION, "input-noise", " (σ = " + r.inputNoise() + ")");
        }
    }

    private static void section(StringBuilder b, Topic topic, String id) {
        section(b, topic, id, "");
    }

    /** A heading "Topic: Title" (or the id, when no formula is shipped) and the formula or the fallback. */
    private static void section(StringBuilder b, Topic topic, String id, String noteHtml) {
        Optional<Equations.Formula> formula = Equations.find(topic, id);
        b.append("<h3>").append(topic.label()).append(": ")
                .append(formula.map(Equations.Formula::title).orElse(escape(id))).append(noteHtml).append("</h3>")
                .append(formula.map(Equations.Formula::body).orElseGet(() -> "<p>" + Equations.fallback(id) + "</p>"));
    }

    /** A text/choice parameter's value in the pipeline, else the component's default. */
    private static Optional<String> choice(ComponentRef ref, Optional<ComponentDescriptor> descriptor, String key) {
        Object value = ref.params().get(key);
        if (value instanceof String s && !s.isBlank()) {
            return Optional.of(s);
        }
        return descriptor.flatMap(d -> d.parameter(key)).map(ParameterSpec::defaultValue)
                .filter(String.class::isInstance).map(String.class::cast);
    }

    /** What an output layer's "auto" activation becomes for a loss (as bundles/layers resolves it). */
    static Optional<String> activationForLoss(String loss) {
        return Loss.byId(loss).map(l -> switch (l) {
            case CATEGORICAL_CROSS_ENTROPY -> "softmax";
            case BINARY_CROSS_ENTROPY -> "sigmoid";
            case MSE, MAE -> "identity";
        });
    }

    private static boolean isRectifier(String activation) {
        return "relu".equals(activation) || "leaky-relu".equals(activation);
    }

    private static String code(String text) {
        return "<code>" + escape(text) + "</code>";
    }
}
