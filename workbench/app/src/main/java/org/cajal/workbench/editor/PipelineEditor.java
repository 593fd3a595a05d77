package org.cajal.workbench.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.Problem;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.WidthTrackingPanel;
import org.cajal.workbench.core.Workbench;
import org.cajal.workbench.editor.EditorWidgets.Choice;
import org.cajal.workbench.editor.ProblemsSection.ProblemItem;

/**
 * The pipeline as its steps, top to bottom in one scrollable panel: name and description; the dataset;
 * preprocessing; the model (a layer-stack table with each layer's output shape, parameters and status, or another
 * architecture); training (optimizer and a summary of the settings); what will be evaluated; and the problems the
 * runtime finds. Clicking a step selects it (the properties panel then edits it).
 *
 * <p>The preprocessing, model and problems sections are their own classes ({@link PreprocessingSection},
 * {@link ModelSection}, {@link ProblemsSection}); the others are small and built here. The model summary (shapes,
 * parameter counts, problems) comes from {@link org.cajal.api.pipeline.PipelineCheck#summarise}, computed on the
 * workbench's background executor 150 ms after the last change; results of older versions are dropped.
 * Event-dispatch thread only.
 */
public final class PipelineEditor {

    /** Delay after the last change before the model summary is recomputed. */
    static final int SUMMARY_DELAY_MS = 150;

    private final Workbench workbench;
    private final PipelineModel model;
    private final WidthTrackingPanel content = new WidthTrackingPanel();
    private final JScrollPane scroll = new JScrollPane(content);

    private final JTextField name = new JTextField(24);
    private final JTextField description = new JTextField(40);

    private final JButton datasetStep = EditorWidgets.linkButton("editor.datasetStep");
    private final JLabel datasetMissing = EditorWidgets.missingLabel("editor.datasetMissing");
    private final JComboBox<Choice> dataset = new JComboBox<>();

    private final PreprocessingSection preprocessing;
    private final ModelSection modelSection;

    private final JButton optimizerStep = EditorWidgets.linkButton("editor.optimizerStep");
    private final JLabel optimizerMissing = EditorWidgets.missingLabel("editor.optimizerMissing");
    private final JComboBox<Choice> optimizer = new JComboBox<>();
    private final JButton training = new JButton("Training settings…");
    private final JLabel trainingSummary = new JLabel(" ");

    private final JLabel evaluation = new JLabel(" ");

    private final ProblemsSection problems = new ProblemsSection();

    private final Timer summaryTimer;
    /** Incremented for every summary requested; a result is applied only if it is the latest. */
    private volatile long generation;
    private boolean pending;
    private ModelSummary summary;
    private Pipeline summaryOf;
    private List<ProblemItem> summaryFailure;
    /** True while the view is being updated from the model (listeners then do not edit the model). */
    private boolean updating;

    public PipelineEditor(Workbench workbench) {
        this.workbench = workbench;
        this.model = workbench.pipeline();
        this.preprocessing = new PreprocessingSection(this, model);
        this.modelSection = new ModelSection(this, model);
        this.summaryTimer = new Timer(SUMMARY_DELAY_MS, e -> requestSummary());
        summaryTimer.setRepeats(false);
        build();
        model.addListener((m, change) -> pipelineChanged());
        workbench.onCatalogChange(this::catalogChanged);
        workbench.selection().addListener(step -> showSelection(step.orElse(null)));
        catalogChanged();
    }

    public JComponent component() {
        return scroll;
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        scroll.setName("editor");
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.getVerticalScrollBar().setUnitIncrement(16);
        content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));

        content.add(EditorWidgets.section("Pipeline", headerSection()));
        content.add(EditorWidgets.section("1 · Data", dataSection()));
        content.add(EditorWidgets.section("2 · Preprocessing", preprocessing.build()));
        content.add(EditorWidgets.section("3 · Model", modelSection.build()));
        content.add(EditorWidgets.section("4 · Training", trainingSection()));
        content.add(EditorWidgets.section("5 · Evaluation", evaluationSection()));
        content.add(EditorWidgets.section("Problems", problems.build(this::selectProblem)));
        content.add(Box.createVerticalGlue());
    }

    private JComponent headerSection() {
        name.setName("editor.name");
        description.setName("editor.description");
        name.setToolTipText("Short name of the pipeline, used in run folder names");
        onTextChange(name, text -> model.edit(p -> Pipelines.withName(p, text, p.description())));
        onTextChange(description, text -> model.edit(p -> Pipelines.withName(p, p.name(), text)));
        JPanel rows = new JPanel();
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
        rows.add(EditorWidgets.row(new JLabel("Name:"), name));
        rows.add(EditorWidgets.row(new JLabel("Description:"), description));
        return rows;
    }

    private JComponent dataSection() {
        dataset.setName("editor.dataset");
        dataset.setToolTipText("Switch to another installed dataset (its parameters start from their defaults)");
        datasetStep.setToolTipText("Select the dataset to edit its parameters");
        datasetStep.addActionListener(e -> workbench.selection().select(Step.DATASET));
        onChoice(dataset, (c, p) -> PipelineEdits.switchDataset(p, c.id()));
        return EditorWidgets.row(new JLabel("Dataset:"), datasetStep, datasetMissing,
                Box.createHorizontalStrut(16), new JLabel("Switch to:"), dataset);
    }

    private JComponent trainingSection() {
        optimizer.setName("editor.optimizer");
        optimizer.setToolTipText("Switch to another installed optimizer (its parameters start from their defaults)");
        training.setName("editor.training");
        trainingSummary.setName("editor.trainingSummary");
        optimizerStep.setToolTipText("Select the optimizer to edit its parameters");
        optimizerStep.addActionListener(e -> workbench.selection().select(Step.OPTIMIZER));
        training.setToolTipText("Loss, epochs, batch size, split, regularisation and early stopping");
        training.addActionListener(e -> workbench.selection().select(Step.TRAINING));
        onChoice(optimizer, (c, p) -> PipelineEdits.switchOptimizer(p, c.id()));
        JPanel rows = new JPanel();
        rows.setLayout(new BoxLayout(rows, BoxLayout.Y_AXIS));
        rows.add(EditorWidgets.row(new JLabel("Optimizer:"), optimizerStep, optimizerMissing,
                Box.createHorizontalStrut(16), new JLabel("Switch to:"), optimizer));
        rows.add(EditorWidgets.row(training, trainingSummary));
        return rows;
    }

    private JComponent evaluationSection() {
        evaluation.setName("editor.evaluation");
        return EditorWidgets.row(evaluation);
    }

    // ---------------------------------------------------------------- updates from the model

    private void catalogChanged() {
        Catalog catalog = workbench.catalog();
        updating = true;
        try {
            EditorWidgets.fill(dataset, EditorWidgets.choices(catalog, ComponentKind.DATASET));
            preprocessing.catalogChanged(catalog);
            modelSection.catalogChanged(catalog);
            EditorWidgets.fill(optimizer, EditorWidgets.choices(catalog, ComponentKind.OPTIMIZER));
        } finally {
            updating = false;
        }
        pipelineChanged();
    }

    private void pipelineChanged() {
        pending = true;
        summaryTimer.restart();
        render();
    }

    /** Shows the current pipeline (everything but the summary's values, which {@link #renderSummary} adds). */
    private void render() {
        Pipeline p = model.get();
        Catalog catalog = workbench.catalog();
        updating = true;
        try {
            EditorWidgets.setText(name, p.name());
            EditorWidgets.setText(description, p.description());

            String ds = p.dataset().type();
            datasetStep.setText(PipelineEdits.label(catalog, ComponentKind.DATASET, ds));
            datasetMissing.setVisible(catalog.find(ComponentKind.DATASET, ds).isEmpty());
            EditorWidgets.select(dataset, ds);

            preprocessing.render(p, catalog);
            modelSection.render(p, catalog);

            String opt = p.training().optimizer().type();
            optimizerStep.setText(PipelineEdits.label(catalog, ComponentKind.OPTIMIZER, opt));
            optimizerMissing.setVisible(catalog.find(ComponentKind.OPTIMIZER, opt).isEmpty());
            EditorWidgets.select(optimizer, opt);
            trainingSummary.setText(PipelineEdits.trainingSummary(p));
            evaluation.setText(PipelineEdits.evaluationSummary(p));
        } finally {
            updating = false;
        }
        renderSummary();
    }

    /** The layer rows, totals and problems from the latest summary. */
    private void renderSummary() {
        Pipeline p = model.get();
        boolean fresh = summary != null && p.equals(summaryOf);
        updating = true;
        try {
            modelSection.renderSummary(p, workbench.catalog(), summary, fresh, pending);
            List<ProblemItem> items = new ArrayList<>();
            if (summaryFailure != null) {
                items.addAll(summaryFailure);
            } else if (summary != null) {
                for (Problem pr : LayerTableModel.otherProblems(summary, p.model().layers().size())) {
                    items.add(new ProblemItem(pr.location(), pr.message()));
                }
            }
            problems.show(items);
        } finally {
            updating = false;
        }
        showSelection(workbench.selection().get().orElse(null));
    }

    /** Mirrors the selected step in the layer table and the preprocessing list. */
    private void showSelection(Step step) {
        updating = true;
        try {
            modelSection.showSelection(step);
            preprocessing.showSelection(step);
        } finally {
            updating = false;
        }
        modelSection.updateButtons();
        preprocessing.updateButtons();
    }

    // ---------------------------------------------------------------- the model summary

    private void requestSummary() {
        long gen = ++generation;
        Pipeline p = model.get();
        Path base = model.baseDirectory();
        String source = model.file().map(Path::toString).orElse(p.name() + " (not saved)");
        try {
            workbench.background().execute(() -> {
                if (gen != generation) {
                    return; // a newer version of the pipeline is queued behind this one
                }
                ModelSummary result = null;
                List<ProblemItem> failure = null;
                try {
                    PipelineDocument document = workbench.runtime().format().document(p, source, base);
                    result = workbench.runtime().check().summarise(document);
                } catch (RuntimeException e) {
                    failure = List.of(new ProblemItem("", "The model summary is not available: "
                            + Messages.of(e)));
                }
                ModelSummary r = result;
                List<ProblemItem> f = failure;
                SwingUtilities.invokeLater(() -> summaryArrived(gen, p, r, f));
            });
        } catch (RejectedExecutionException e) {
            // the workbench is closing: no summary any more
            pending = false;
        }
    }

    private void summaryArrived(long gen, Pipeline p, ModelSummary result, List<ProblemItem> failure) {
        if (gen != generation) {
            return; // a newer request is on its way
        }
        pending = summaryTimer.isRunning();
        summary = result;
        summaryOf = p;
        summaryFailure = failure;
        workbench.summaries().publish(p, result);
        renderSummary();
    }

    /** True while a summary is scheduled or being computed (for tests). */
    boolean summaryPending() {
        return pending;
    }

    // ---------------------------------------------------------------- actions

    /** Applies an edit and selects the step it names (or clears the selection). */
    void apply(Function<Pipeline, PipelineEdits.Result> edit) {
        PipelineEdits.Result r = edit.apply(model.get());
        model.edit(p -> r.pipeline());
        if (r.select() != null) {
            workbench.selection().select(r.select());
        } else {
            workbench.selection().clear();
        }
    }

    /** Applies an edit of the selected row, if one is selected. */
    void withSelected(int index, IntFunction<PipelineEdits.Result> edit) {
        if (index >= 0) {
            apply(p -> edit.apply(index));
        }
    }

    private void selectProblem(ProblemItem item) {
        Optional<Step> step = PipelineEdits.stepFor(item.location(), model.get());
        if (step.isPresent()) {
            workbench.selection().select(step.get());
        } else {
            workbench.notifier().status(item.toString());
        }
    }

    /** When the user picks another choice, applies the edit that choice makes. */
    void onChoice(JComboBox<Choice> combo, BiFunction<Choice, Pipeline, PipelineEdits.Result> edit) {
        combo.addActionListener(e -> {
            Choice c = (Choice) combo.getSelectedItem();
            if (!updating && c != null) {
                apply(p -> edit.apply(c, p));
            }
        });
    }

    private void onTextChange(JTextField field, Consumer<String> edit) {
        field.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                changed();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                changed();
            }

            private void changed() {
                if (!updating) {
                    // the model's listeners update this view, which must not happen inside a document event
                    String text = field.getText();
                    SwingUtilities.invokeLater(() -> {
                        if (field.getText().equals(text)) {
                            edit.accept(text);
                        }
                    });
                }
            }
        });
    }

    // ---------------------------------------------------------------- for the sections

    /** True while the view is being updated from the model: listeners then do not edit it. */
    boolean updating() {
        return updating;
    }

    void select(Step step) {
        workbench.selection().select(step);
    }

    Optional<Step> selectedStep() {
        return workbench.selection().get();
    }
}
