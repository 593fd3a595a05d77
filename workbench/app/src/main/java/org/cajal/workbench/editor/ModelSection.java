package org.cajal.workbench.editor;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.ArrayList;
import java.util.List;

import javax.swing.AbstractAction;
import javax.swing.Box;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.editor.EditorWidgets.Choice;

/**
 * The editor's "3 · Model" section: the architecture, and for a layer stack the layer table (each layer's output
 * shape, parameters and status from the latest model summary) with add, remove, up and down, the input shape and
 * the total parameter count; for another architecture a link to its parameters. Event-dispatch thread.
 *
 * <p>Swing names: {@code editor.architecture}, {@code editor.layers}, {@code editor.layerType},
 * {@code editor.addLayer}, {@code editor.removeLayer}, {@code editor.moveUp}, {@code editor.moveDown},
 * {@code editor.totalParameters}, {@code editor.inputShape}, {@code editor.architectureStep},
 * {@code editor.architectureMissing}.
 */
final class ModelSection {

    private final PipelineEditor editor;
    private final PipelineModel model;
    private final JComboBox<Choice> architecture = new JComboBox<>();
    private final CardLayout cards = new CardLayout();
    private final JPanel cardPanel = new JPanel(cards);
    private final LayerTableModel layerModel = new LayerTableModel();
    private final JTable layers = new LayerTable(layerModel);
    private final JComboBox<Choice> layerType = new JComboBox<>();
    private final JButton addLayer = new JButton("Add layer");
    private final JButton removeLayer = new JButton("Remove");
    private final JButton moveUp = new JButton("Up");
    private final JButton moveDown = new JButton("Down");
    private final JLabel totalParameters = new JLabel("Total parameters: " + LayerTableModel.UNKNOWN);
    private final JLabel inputShape = new JLabel("Input: " + LayerTableModel.UNKNOWN);
    private final JButton architectureStep = EditorWidgets.linkButton("editor.architectureStep");
    private final JLabel architectureMissing = EditorWidgets.missingLabel("editor.architectureMissing");

    ModelSection(PipelineEditor editor, PipelineModel model) {
        this.editor = editor;
        this.model = model;
    }

    JComponent build() {
        architecture.setName("editor.architecture");
        architecture.setToolTipText("A layer stack, or an architecture a plugin provides (the layers are kept)");
        editor.onChoice(architecture, (c, p) -> PipelineEdits.switchArchitecture(p, c.id()));
        architectureStep.setToolTipText("Select the architecture to edit its parameters");
        architectureStep.addActionListener(e -> editor.select(Step.ARCHITECTURE));
        JPanel other = new JPanel(new BorderLayout());
        other.add(EditorWidgets.row(new JLabel("Architecture:"), architectureStep, architectureMissing),
                BorderLayout.NORTH);

        cardPanel.add(layerStack(), "stack");
        cardPanel.add(other, "other");

        JPanel panel = new JPanel(new BorderLayout(0, 4));
        panel.add(EditorWidgets.row(new JLabel("Architecture:"), architecture), BorderLayout.NORTH);
        panel.add(cardPanel, BorderLayout.CENTER);
        return panel;
    }

    private JComponent layerStack() {
        layers.setName("editor.layers");
        layerType.setName("editor.layerType");
        addLayer.setName("editor.addLayer");
        removeLayer.setName("editor.removeLayer");
        moveUp.setName("editor.moveUp");
        moveDown.setName("editor.moveDown");
        totalParameters.setName("editor.totalParameters");
        inputShape.setName("editor.inputShape");
        configureTable();
        addLayer.setToolTipText("Insert a layer of the chosen type after the selected layer, "
                + "or else before the output layer");
        addLayer.addActionListener(e -> {
            Choice c = (Choice) layerType.getSelectedItem();
            if (c != null) {
                editor.apply(p -> PipelineEdits.insertLayer(p, c.id(), editor.selectedStep()));
            }
        });
        removeLayer.addActionListener(e -> editor.withSelected(layers.getSelectedRow(),
                i -> PipelineEdits.removeLayer(model.get(), i)));
        moveUp.addActionListener(e -> editor.withSelected(layers.getSelectedRow(),
                i -> PipelineEdits.moveLayer(model.get(), i, -1)));
        moveDown.addActionListener(e -> editor.withSelected(layers.getSelectedRow(),
                i -> PipelineEdits.moveLayer(model.get(), i, 1)));

        JPanel stack = new JPanel(new BorderLayout(0, 4));
        stack.add(EditorWidgets.row(layerType, addLayer, removeLayer, moveUp, moveDown), BorderLayout.NORTH);
        stack.add(new JScrollPane(layers), BorderLayout.CENTER);
        stack.add(EditorWidgets.row(inputShape, Box.createHorizontalStrut(24), totalParameters), BorderLayout.SOUTH);
        return stack;
    }

    private void configureTable() {
        layers.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        layers.setFillsViewportHeight(true);
        layers.getTableHeader().setReorderingAllowed(false);
        layers.setPreferredScrollableViewportSize(new Dimension(560, 200));
        layers.getColumnModel().getColumn(0).setMaxWidth(40);
        layers.getColumnModel().getColumn(LayerTableModel.COL_STATUS).setPreferredWidth(220);
        layers.getSelectionModel().addListSelectionListener(e -> {
            if (!editor.updating() && !e.getValueIsAdjusting() && layers.getSelectedRow() >= 0) {
                editor.select(Step.layer(layers.getSelectedRow()));
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
    }

    /** The installed layer types and architectures (a layer stack first). */
    void catalogChanged(Catalog catalog) {
        EditorWidgets.fill(layerType, EditorWidgets.choices(catalog, ComponentKind.LAYER_TYPE));
        List<Choice> architectures = new ArrayList<>();
        architectures.add(new Choice(ModelSpec.LAYER_STACK, "Layer stack (" + ModelSpec.LAYER_STACK + ")"));
        EditorWidgets.choices(catalog, ComponentKind.ARCHITECTURE).stream()
                .filter(c -> !c.id().equals(ModelSpec.LAYER_STACK)).forEach(architectures::add);
        EditorWidgets.fill(architecture, architectures);
    }

    /** The architecture and which card shows. */
    void render(Pipeline p, Catalog catalog) {
        ModelSpec m = p.model();
        EditorWidgets.select(architecture, m.architecture());
        cards.show(cardPanel, m.isLayerStack() ? "stack" : "other");
        architectureStep.setText(PipelineEdits.label(catalog, ComponentKind.ARCHITECTURE, m.architecture()));
        architectureMissing.setVisible(!m.isLayerStack()
                && catalog.find(ComponentKind.ARCHITECTURE, m.architecture()).isEmpty());
    }

    /**
     * The layer rows, input shape and total from a summary.
     *
     * @param fresh   whether the summary is of this pipeline
     * @param pending whether a newer summary is on its way
     */
    void renderSummary(Pipeline p, Catalog catalog, ModelSummary summary, boolean fresh, boolean pending) {
        layerModel.setRows(LayerTableModel.rows(p, catalog, summary, fresh, pending));
        String unknown = pending ? LayerTableModel.PENDING : LayerTableModel.UNKNOWN;
        if (summary != null && summary.totalParameters() >= 0) {
            totalParameters.setText("Total parameters: " + PipelineEdits.count(summary.totalParameters()));
        } else {
            totalParameters.setText("Total parameters: " + unknown);
        }
        inputShape.setText("Input: " + (summary == null ? unknown
                : summary.input().map(Object::toString).orElse(LayerTableModel.UNKNOWN)));
    }

    /** Mirrors the selected step (a layer, or none). */
    void showSelection(Step step) {
        if (step != null && step.part() == Step.Part.LAYER && step.index() < layerModel.getRowCount()) {
            if (layers.getSelectedRow() != step.index()) {
                layers.setRowSelectionInterval(step.index(), step.index());
            }
            Rectangle cell = layers.getCellRect(step.index(), 0, true);
            layers.scrollRectToVisible(cell);
        } else {
            layers.clearSelection();
        }
    }

    void updateButtons() {
        int layer = layers.getSelectedRow();
        int rows = layerModel.getRowCount();
        addLayer.setEnabled(layerType.getItemCount() > 0);
        removeLayer.setEnabled(layer >= 0);
        moveUp.setEnabled(layer > 0);
        moveDown.setEnabled(layer >= 0 && layer < rows - 1);
    }
}
