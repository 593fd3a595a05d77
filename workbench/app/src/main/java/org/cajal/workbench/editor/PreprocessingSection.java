package org.cajal.workbench.editor;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;

import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.ListSelectionModel;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.editor.EditorWidgets.Choice;

/**
 * The editor's "2 · Preprocessing" section: the steps in order (a missing one in red), a type to add, and remove,
 * up and down for the selected step. Event-dispatch thread.
 *
 * <p>Swing names: {@code editor.preprocessing}, {@code editor.preprocessingType}, {@code editor.addPreprocessing},
 * {@code editor.removePreprocessing}, {@code editor.preprocessingUp}, {@code editor.preprocessingDown}.
 */
final class PreprocessingSection {

    /** A line of the preprocessing list. */
    record PreprocessingRow(String text, boolean missing) {
        @Override
        public String toString() {
            return text;
        }
    }

    private final PipelineEditor editor;
    private final PipelineModel model;
    private final DefaultListModel<PreprocessingRow> rows = new DefaultListModel<>();
    private final JList<PreprocessingRow> list = new JList<>(rows);
    private final JComboBox<Choice> type = new JComboBox<>();
    private final JButton add = new JButton("Add");
    private final JButton remove = new JButton("Remove");
    private final JButton up = new JButton("Up");
    private final JButton down = new JButton("Down");

    PreprocessingSection(PipelineEditor editor, PipelineModel model) {
        this.editor = editor;
        this.model = model;
    }

    JComponent build() {
        list.setName("editor.preprocessing");
        type.setName("editor.preprocessingType");
        add.setName("editor.addPreprocessing");
        remove.setName("editor.removePreprocessing");
        up.setName("editor.preprocessingUp");
        down.setName("editor.preprocessingDown");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(4);
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index,
                                                          boolean selected, boolean focus) {
                super.getListCellRendererComponent(l, value, index, selected, focus);
                if (value instanceof PreprocessingRow r && r.missing() && !selected) {
                    setForeground(EditorWidgets.PROBLEM_TEXT);
                }
                return this;
            }
        });
        list.addListSelectionListener(e -> {
            if (!editor.updating() && !e.getValueIsAdjusting() && list.getSelectedIndex() >= 0) {
                editor.select(Step.preprocessing(list.getSelectedIndex()));
            }
            updateButtons();
        });
        add.addActionListener(e -> {
            Choice c = (Choice) type.getSelectedItem();
            if (c != null) {
                editor.apply(p -> PipelineEdits.addPreprocessing(p, c.id()));
            }
        });
        remove.addActionListener(e -> editor.withSelected(list.getSelectedIndex(),
                i -> PipelineEdits.removePreprocessing(model.get(), i)));
        up.addActionListener(e -> editor.withSelected(list.getSelectedIndex(),
                i -> PipelineEdits.movePreprocessing(model.get(), i, -1)));
        down.addActionListener(e -> editor.withSelected(list.getSelectedIndex(),
                i -> PipelineEdits.movePreprocessing(model.get(), i, 1)));

        JPanel panel = new JPanel(new BorderLayout(0, 4));
        JScrollPane listScroll = new JScrollPane(list);
        listScroll.setPreferredSize(new Dimension(400, 90));
        panel.add(listScroll, BorderLayout.CENTER);
        panel.add(EditorWidgets.row(type, add, remove, up, down), BorderLayout.SOUTH);
        return panel;
    }

    /** The installed preprocessing types to add. */
    void catalogChanged(Catalog catalog) {
        EditorWidgets.fill(type, EditorWidgets.choices(catalog, ComponentKind.PREPROCESSOR));
    }

    /** The pipeline's steps, each labelled (and marked when not installed). */
    void render(Pipeline p, Catalog catalog) {
        List<PreprocessingRow> pre = new ArrayList<>();
        for (ComponentRef r : p.preprocessing()) {
            boolean missing = catalog.find(ComponentKind.PREPROCESSOR, r.type()).isEmpty();
            pre.add(new PreprocessingRow(PipelineEdits.label(catalog, ComponentKind.PREPROCESSOR, r.type())
                    + (missing ? " — missing: " + r.type() + " is not installed" : ""), missing));
        }
        EditorWidgets.replace(rows, pre);
    }

    /** Mirrors the selected step (a preprocessing step, or none). */
    void showSelection(Step step) {
        if (step != null && step.part() == Step.Part.PREPROCESSING && step.index() < rows.size()) {
            if (list.getSelectedIndex() != step.index()) {
                list.setSelectedIndex(step.index());
            }
        } else {
            list.clearSelection();
        }
    }

    void updateButtons() {
        int pre = list.getSelectedIndex();
        add.setEnabled(type.getItemCount() > 0);
        remove.setEnabled(pre >= 0);
        up.setEnabled(pre > 0);
        down.setEnabled(pre >= 0 && pre < rows.size() - 1);
    }
}
