package org.cajal.workbench.editor;

import org.cajal.workbench.core.WidthTrackingPanel;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.Problem;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Kind;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;

/**
 * The pipeline as its steps, top to bottom in one scrollable panel: name and description; the dataset;
 * preprocessing; the model (a layer-stack table with each layer's output shape, parameters and status, or another
 * architecture); training (optimizer and a summary of the settings); what will be evaluated; and the problems the
 * runtime finds. Clicking a step selects it (the properties panel then edits it).
 *
 * <p>The model summary (shapes, parameter counts, problems) comes from {@link org.cajal.api.pipeline.PipelineCheck#summarise}, computed on
 * the workbench's background executor 150 ms after the last change; results of older versions are dropped.
 * Event-dispatch thread only.
 */
public final class PipelineEditor {

    /** Delay after the last change before the model summary is recomputed. */
    static final int SUMMARY_DELAY_MS = 150;

    private static final Color PROBLEM_TINT = new Color(255, 0, 0, 40);
    private static final Color PROBLEM_TEXT = new Color(0xC6, 0x28, 0x28);

    /** A component offered in a combo box: its id and "Display Name (id)". */
    record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** A line of the preprocessing list. */
    record PreprocessingRow(String text, boolean missing) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * A line of the problems list.
     *
     * @param location the JSON path (or other location) the runtime named; empty for general messages
     */
    record ProblemItem(String location, String message) {
        @Override
        public String toString() {
            return location.isEmpty() ? message : location + ": " + message;
        }
    }

    private final Workbench workbench;
    private final PipelineModel model;
    private final WidthTrackingPanel content = new WidthTrackingPanel();
    private final JScrollPane scroll = new JScrollPane(content);

    private final JTextField name = new JTextField(24);
    private final JTextField description = new JTextField(40);

    private final JButton datasetStep = linkButton("editor.datasetStep");
    private final JLabel datasetMissing = missingLabel("editor.datasetMissing");
    private final JComboBox<Choice> dataset = new JComboBox<>();

    private final DefaultListModel<PreprocessingRow> preprocessingRows = new DefaultListModel<>();
    private final JList<PreprocessingRow> preprocessing = new JList<>(preprocessingRows);
    private final JComboBox<Choice> preprocessingType = new JComboBox<>();
    private final JButton addPreprocessing = new JButton("Add");
    private final JButton removePreprocessing = new JButton("Remove");
    private final JButton preprocessingUp = new JButton("Up");
    private final JButton preprocessingDown = new JButton("Down");

    private final JComboBox<Choice> architecture = new JComboBox<>();
    private final CardLayout modelCards = new CardLayout();
    private final JPanel modelCardPanel = new JPanel(modelCards);
    private final LayerTableModel layerModel = new LayerTableModel();
    private final JTable layers = new ProblemTable(layerModel);
    private final JComboBox<Choice> layerType = new JComboBox<>();
    private final JButton addLayer = new JButton("Add layer");
    private final JButton removeLayer = new JButton("Remove");
    private final JButton moveUp = new JButton("Up");
    private final JButton moveDown = new JButton("Down");
    private final JLabel totalParameters = new JLabel("Total parameters: " + LayerTableModel.UNKNOWN);
    private final JLabel inputShape = new JLabel("Input: " + LayerTableModel.UNKNOWN);
    private final JButton architectureStep = linkButton("editor.architectureStep");
    private final JLabel architectureMissing = missingLabel("editor.architectureMissing");

    private final JButton optimizerStep = linkButton("editor.optimizerStep");
    private final JLabel optimizerMissing = missingLabel("editor.optimizerMissing");
    private final JComboBox<Choice> optimizer = new JComboBox<>();
    private final JButton training = new JButton("Training settings…");
    private final JLabel trainingSummary = new JLabel(" ");

    private final JLabel evaluation = new JLabel(" ");

    private final DefaultListModel<ProblemItem> problemItems = new DefaultListModel<>();
    private final JList<ProblemItem> problems = new JList<>(problemItems);

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

        content.add(section("Pipeline", headerSection()));
        content.add(section("1 · Data", dataSection()));
        content.add(section("2 · Preprocessing", preprocessingSection()));
        content.add(section("3 · Model", modelSection()));
        content.add(section("4 · Training", trainingSection()));
        content.add(section("5 · Evaluation", evaluationSection()));
        content.add(section("Problems", problemsSection()));
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
        rows.add(row(new JLabel("Name:"), name));
        rows.add(row(new JLabel("Description:"), description));
        return rows;
    }

    private JComponent dataSection() {
        dataset.setName("editor.dataset");
        dataset.setToolTipText("Switch to another installed dataset (its parameters start from their defaults)");
        datasetStep.setToolTipText("Select the dataset to edit its parameters");
        datasetStep.addActionListener(e -> workbench.selection().select(Step.DATASET));
        onChoice(dataset, (c, p) -> PipelineEdits.switchDataset(p, c.id()));
        return row(new JLabel("Dataset:"), datasetStep, datasetMissing, Box.createHorizontalStrut(16),
                new JLabel("Switch to:"), dataset);
    }

    private JComponent preprocessingSection() {
        preprocessing.setName("editor.preprocessing");
        preprocessingType.setName("editor.preprocessingType");
        addPreprocessing.setName("editor.addPreprocessing");
        removePreprocessing.setName("editor.removePreprocessing");
        preprocessingUp.setName("editor.preprocessingUp");
        preprocessingDown.setName("editor.preprocessingDown");
        preprocessing.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        preprocessing.setVisibleRowCount(4);
        preprocessing.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index,
                                                          boolean selected, boolean focus) {
                super.getListCellRendererComponent(list, value, index, selected, focus);
                if (value instanceof PreprocessingRow r && r.missing() && !selected) {
                    setForeground(PROBLEM_TEXT);
                }
                return this;
            }
        });
        preprocessing.addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting() && preprocessing.getSelectedIndex() >= 0) {
                workbench.selection().select(Step.preprocessing(preprocessing.getSelectedIndex()));
            }
            updateButtons();
        });
        addPreprocessing.addActionListener(e -> {
            Choice c = (Choice) preprocessingType.getSelectedItem();
            if (c != null) {
                apply(p -> PipelineEdits.addPreprocessing(p, c.id()));
            }
        });
        removePreprocessing.addActionListener(e -> withSelected(preprocessing.getSelectedIndex(),
                i -> PipelineEdits.removePreprocessing(model.get(), i)));
        preprocessingUp.addActionListener(e -> withSelected(preprocessing.getSelectedIndex(),
                i -> PipelineEdits.movePreprocessing(model.get(), i, -1)));
        preprocessingDown.addActionListener(e -> withSelected(preprocessing.getSelectedIndex(),
                i -> PipelineEdits.movePreprocessing(model.get(), i, 1)));

        JPanel panel = new JPanel(new BorderLayout(0, 4));
        JScrollPane listScroll = new JScrollPane(preprocessing);
        listScroll.setPreferredSize(new Dimension(400, 90));
        panel.add(listScroll, BorderLayout.CENTER);
        panel.add(row(preprocessingType, addPreprocessing, removePreprocessing, preprocessingUp, preprocessingDown),
                BorderLayout.SOUTH);
        return panel;
    }

    private JComponent modelSection() {
        architecture.setName("editor.architecture");
        architecture.setToolTipText("A layer stack, or an architecture a plugin provides (the layers are kept)");
        onChoice(architecture, (c, p) -> PipelineEdits.switchArchitecture(p, c.id()));

        layers.setName("editor.layers");
        layerType.setName("editor.layerType");
        addLayer.setName("editor.addLayer");
        removeLayer.setName("editor.removeLayer");
        moveUp.setName("editor.moveUp");
        moveDown.setName("editor.moveDown");
        totalParameters.setName("editor.totalParameters");
        inputShape.setName("editor.inputShape");

        layers.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        layers.setFillsViewportHeight(true);
        layers.getTableHeader().setReorderingAllowed(false);
        layers.setPreferredScrollableViewportSize(new Dimension(560, 200));
        layers.getColumnModel().getColumn(0).setMaxWidth(40);
        layers.getColumnModel().getColumn(LayerTableModel.COL_STATUS).setPreferredWidth(220);
        layers.setDefaultRenderer(String.class, new LayerRenderer());
        layers.getSelectionModel().addListSelectionListener(e -> {
            if (!updating && !e.getValueIsAdjusting() && layers.getSelectedRow() >= 0) {
                workbench.selection().select(Step.layer(layers.getSelectedRow()));
            }
            updateButtons();
        });
        layers.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_DELETE, 0), "removeLayer");
        layers.getActionMap().put("removeLayer", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                removeLayer.doClick();
            }
        });
        addLayer.setToolTipText("Insert a layer of the chosen type after the selected layer, "
                + "or else before the output layer");
        addLayer.addActionListener(e -> {
            Choice c = (Choice) layerType.getSelectedItem();
            if (c != null) {
                apply(p -> PipelineEdits.insertLayer(p, c.id(), workbench.selection().get()));
            }
        });
        removeLayer.addActionListener(e -> withSelected(layers.getSelectedRow(),
                i -> PipelineEdits.removeLayer(model.get(), i)));
        moveUp.addActionListener(e -> withSelected(layers.getSelectedRow(),
                i -> PipelineEdits.moveLayer(model.get(), i, -1)));
        moveDown.addActionListener(e -> withSelected(layers.getSelectedRow(),
                i -> PipelineEdits.moveLayer(model.get(), i, 1)));

        JPanel stack = new JPanel(new BorderLayout(0, 4));
        stack.add(row(layerType, addLayer, removeLayer, moveUp, moveDown), BorderLayout.NORTH);
        stack.add(new JScrollPane(layers), BorderLayout.CENTER);
        stack.add(row(inputShape, Box.createHorizontalStrut(24), totalParameters), BorderLayout.SOUTH);

        architectureStep.setToolTipText("Select the architecture to edit its parameters");
        architectureStep.addActionListener(e -> workbench.selection().select(Step.ARCHITECTURE));
        JPanel other = new JPanel(new BorderLayout());
        other.add(row(new JLabel("Architecture:"), architectureStep, architectureMissing), BorderLayout.NORTH);

        modelCardPanel.add(stack, "stack");
        modelCardPanel.add(other, "other");

        JPanel panel = new JPanel(new BorderLayout(0, 4));
        panel.add(row(new JLabel("Architecture:"), architecture), BorderLayout.NORTH);
        panel.add(modelCardPanel, BorderLayout.CENTER);
        return panel;
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
        rows.add(row(new JLabel("Optimizer:"), optimizerStep, optimizerMissing, Box.createHorizontalStrut(16),
                new JLabel("Switch to:"), optimizer));
        rows.add(row(training, trainingSummary));
        return rows;
    }

    private JComponent evaluationSection() {
        evaluation.setName("editor.evaluation");
        return row(evaluation);
    }

    private JComponent problemsSection() {
        problems.setName("editor.problems");
        problems.setVisibleRowCount(4);
        problems.setToolTipText("Double-click a problem to select the step it is about");
        problems.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index,
                                                          boolean selected, boolean focus) {
                super.getListCellRendererComponent(list, value, index, selected, focus);
                if (!selected) {
                    setForeground(PROBLEM_TEXT);
                }
                setToolTipText(String.valueOf(value));
                return this;
            }
        });
        problems.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    int i = problems.locationToIndex(e.getPoint());
                    if (i >= 0) {
                        selectProblem(problemItems.get(i));
                    }
                }
            }
        });
        problems.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "select");
        problems.getActionMap().put("select", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                ProblemItem item = problems.getSelectedValue();
                if (item != null) {
                    selectProblem(item);
                }
            }
        });
        JScrollPane s = new JScrollPane(problems);
        s.setPreferredSize(new Dimension(400, 90));
        return s;
    }

    // ---------------------------------------------------------------- updates from the model

    private void catalogChanged() {
        Catalog catalog = workbench.catalog();
        updating = true;
        try {
            fill(dataset, choices(catalog, Kind.DATASET));
            fill(preprocessingType, choices(catalog, Kind.PREPROCESSING));
            fill(layerType, choices(catalog, Kind.LAYER));
            fill(optimizer, choices(catalog, Kind.OPTIMIZER));
            List<Choice> architectures = new ArrayList<>();
            architectures.add(new Choice(ModelSpec.LAYER_STACK, "Layer stack (" + ModelSpec.LAYER_STACK + ")"));
            choices(catalog, Kind.ARCHITECTURE).stream()
                    .filter(c -> !c.id().equals(ModelSpec.LAYER_STACK)).forEach(architectures::add);
            fill(architecture, architectures);
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
            setText(name, p.name());
            setText(description, p.description());

            String ds = p.dataset().type();
            datasetStep.setText(PipelineEdits.label(catalog, Kind.DATASET, ds));
            datasetMissing.setVisible(catalog.find(Kind.DATASET, ds).isEmpty());
            select(dataset, ds);

            List<PreprocessingRow> pre = new ArrayList<>();
            for (ComponentRef r : p.preprocessing()) {
                boolean missing = catalog.find(Kind.PREPROCESSING, r.type()).isEmpty();
                pre.add(new PreprocessingRow(PipelineEdits.label(catalog, Kind.PREPROCESSING, r.type())
                        + (missing ? " — missing: " + r.type() + " is not installed" : ""), missing));
            }
            if (!pre.equals(listContents(preprocessingRows))) {
                preprocessingRows.clear();
                pre.forEach(preprocessingRows::addElement);
            }

            ModelSpec m = p.model();
            select(architecture, m.architecture());
            modelCards.show(modelCardPanel, m.isLayerStack() ? "stack" : "other");
            architectureStep.setText(PipelineEdits.label(catalog, Kind.ARCHITECTURE, m.architecture()));
            architectureMissing.setVisible(!m.isLayerStack()
                    && catalog.find(Kind.ARCHITECTURE, m.architecture()).isEmpty());

            String opt = p.training().optimizer().type();
            optimizerStep.setText(PipelineEdits.label(catalog, Kind.OPTIMIZER, opt));
            optimizerMissing.setVisible(catalog.find(Kind.OPTIMIZER, opt).isEmpty());
            select(optimizer, opt);
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
            layerModel.setRows(LayerTableModel.rows(p, workbench.catalog(), summary, fresh, pending));
            if (summary != null && summary.totalParameters() >= 0) {
                totalParameters.setText("Total parameters: " + PipelineEdits.count(summary.totalParameters()));
            } else {
                totalParameters.setText("Total parameters: " + (pending ? LayerTableModel.PENDING
                        : LayerTableModel.UNKNOWN));
            }
            inputShape.setText("Input: " + (summary == null ? (pending ? LayerTableModel.PENDING
                    : LayerTableModel.UNKNOWN) : summary.input().map(Object::toString).orElse(LayerTableModel.UNKNOWN)));
            List<ProblemItem> items = new ArrayList<>();
            if (summaryFailure != null) {
                items.addAll(summaryFailure);
            } else if (summary != null) {
                for (Problem pr : LayerTableModel.otherProblems(summary, p.model().layers().size())) {
                    items.add(new ProblemItem(pr.location(), pr.message()));
                }
            }
            if (!items.equals(listContents(problemItems))) {
                problemItems.clear();
                items.forEach(problemItems::addElement);
            }
        } finally {
            updating = false;
        }
        showSelection(workbench.selection().get().orElse(null));
    }

    /** Mirrors the selected step in the layer table and the preprocessing list. */
    private void showSelection(Step step) {
        updating = true;
        try {
            if (step != null && step.part() == Step.Part.LAYER && step.index() < layerModel.getRowCount()) {
                if (layers.getSelectedRow() != step.index()) {
                    layers.setRowSelectionInterval(step.index(), step.index());
                }
                Rectangle cell = layers.getCellRect(step.index(), 0, true);
                layers.scrollRectToVisible(cell);
            } else {
                layers.clearSelection();
            }
            if (step != null && step.part() == Step.Part.PREPROCESSING && step.index() < preprocessingRows.size()) {
                if (preprocessing.getSelectedIndex() != step.index()) {
                    preprocessing.setSelectedIndex(step.index());
                }
            } else {
                preprocessing.clearSelection();
            }
        } finally {
            updating = false;
        }
        updateButtons();
    }

    private void updateButtons() {
        int layer = layers.getSelectedRow();
        int rows = layerModel.getRowCount();
        addLayer.setEnabled(layerType.getItemCount() > 0);
        removeLayer.setEnabled(layer >= 0);
        moveUp.setEnabled(layer > 0);
        moveDown.setEnabled(layer >= 0 && layer < rows - 1);
        int pre = preprocessing.getSelectedIndex();
        addPreprocessing.setEnabled(preprocessingType.getItemCount() > 0);
        removePreprocessing.setEnabled(pre >= 0);
        preprocessingUp.setEnabled(pre > 0);
        preprocessingDown.setEnabled(pre >= 0 && pre < preprocessingRows.size() - 1);
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
                            + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName())));
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
        renderSummary();
    }

    /** True while a summary is scheduled or being computed (for tests). */
    boolean summaryPending() {
        return pending;
    }

    // ---------------------------------------------------------------- actions

    private void apply(Function<Pipeline, PipelineEdits.Result> edit) {
        PipelineEdits.Result r = edit.apply(model.get());
        model.edit(p -> r.pipeline());
        if (r.select() != null) {
            workbench.selection().select(r.select());
        } else {
            workbench.selection().clear();
        }
    }

    private void withSelected(int index, java.util.function.IntFunction<PipelineEdits.Result> edit) {
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
    private void onChoice(JComboBox<Choice> combo, BiFunction<Choice, Pipeline, PipelineEdits.Result> edit) {
        combo.addActionListener(e -> {
            Choice c = (Choice) combo.getSelectedItem();
            if (!updating && c != null) {
                apply(p -> edit.apply(c, p));
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private static List<Choice> choices(Catalog catalog, Kind kind) {
        return catalog.of(kind).stream()
                .map(e -> new Choice(e.id(), e.descriptor().displayName() + " (" + e.id() + ")")).toList();
    }

    private static void fill(JComboBox<Choice> combo, List<Choice> items) {
        Choice before = (Choice) combo.getSelectedItem();
        DefaultComboBoxModel<Choice> m = new DefaultComboBoxModel<>(items.toArray(Choice[]::new));
        combo.setModel(m);
        if (before != null) {
            select(combo, before.id());
        }
    }

    /** Selects the choice with that id, or nothing if there is none (a component that is not installed). */
    private static void select(JComboBox<Choice> combo, String id) {
        for (int i = 0; i < combo.getItemCount(); i++) {
            if (combo.getItemAt(i).id().equals(id)) {
                if (combo.getSelectedIndex() != i) {
                    combo.setSelectedIndex(i);
                }
                return;
            }
        }
        combo.setSelectedIndex(-1);
    }

    private static <T> List<T> listContents(DefaultListModel<T> m) {
        List<T> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            out.add(m.get(i));
        }
        return out;
    }

    private static void setText(JTextField field, String text) {
        if (!field.getText().equals(text)) {
            field.setText(text);
        }
    }

    private void onTextChange(JTextField field, java.util.function.Consumer<String> edit) {
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

    private static JPanel section(String title, JComponent body) {
        JPanel panel = new JPanel(new BorderLayout());
        panel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder(title),
                BorderFactory.createEmptyBorder(2, 6, 6, 6)));
        panel.add(body, BorderLayout.CENTER);
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        panel.setMaximumSize(new Dimension(Integer.MAX_VALUE, panel.getPreferredSize().height * 4));
        return panel;
    }

    private static JPanel row(Component... parts) {
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 2));
        for (Component c : parts) {
            panel.add(c);
        }
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        return panel;
    }

    private static JButton linkButton(String swingName) {
        JButton b = new JButton(" ");
        b.setName(swingName);
        b.setHorizontalAlignment(SwingConstants.LEADING);
        return b;
    }

    private static JLabel missingLabel(String swingName) {
        JLabel l = new JLabel("missing: not installed");
        l.setName(swingName);
        l.setForeground(PROBLEM_TEXT);
        l.setToolTipText("No installed bundle provides this component: install its plugin, or switch to another");
        l.setVisible(false);
        return l;
    }

    /** The layer table, with the full status message as each row's tooltip. */
    private static final class ProblemTable extends JTable {
        ProblemTable(LayerTableModel m) {
            super(m);
        }

        @Override
        public String getToolTipText(MouseEvent e) {
            int row = rowAtPoint(e.getPoint());
            if (row < 0) {
                return null;
            }
            LayerTableModel.Row r = ((LayerTableModel) getModel()).row(convertRowIndexToModel(row));
            return r.status().isEmpty() ? r.label() : r.label() + ": " + r.status();
        }
    }

    /** Paints rows with a problem with a red tint, and their status in red. */
    private static final class LayerRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            LayerTableModel.Row r = ((LayerTableModel) table.getModel()).row(table.convertRowIndexToModel(row));
            if (!selected) {
                Color base = table.getBackground();
                setBackground(r.problem() ? blend(base, PROBLEM_TINT) : base);
                setForeground(r.problem() && column == LayerTableModel.COL_STATUS ? PROBLEM_TEXT
                        : table.getForeground());
            }
            setHorizontalAlignment(column == 3 ? SwingConstants.TRAILING : SwingConstants.LEADING);
            return this;
        }

        private static Color blend(Color base, Color tint) {
            double a = tint.getAlpha() / 255.0;
            return new Color((int) (base.getRed() * (1 - a) + tint.getRed() * a),
                    (int) (base.getGreen() * (1 - a) + tint.getGreen() * a),
                    (int) (base.getBlue() * (1 - a) + tint.getBlue() * a));
        }
    }
}
