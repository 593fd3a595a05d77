package org.cajal.workbench.editor;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.util.ArrayList;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.DefaultComboBoxModel;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingConstants;

import org.cajal.api.ComponentKind;
import org.cajal.workbench.core.Catalog;

/** The editor's small building blocks: titled sections, rows, step links, missing labels and choice boxes. */
final class EditorWidgets {

    static final Color PROBLEM_TINT = new Color(255, 0, 0, 40);
    static final Color PROBLEM_TEXT = new Color(0xC6, 0x28, 0x28);

    /** A component offered in a combo box: its id and "Display Name (id)". */
    record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private EditorWidgets() {
    }

    /** The installed components of a kind as choices. */
    static List<Choice> choices(Catalog catalog, ComponentKind kind) {
        return catalog.of(kind).stream()
                .map(e -> new Choice(e.id(), e.descriptor().displayName() + " (" + e.id() + ")")).toList();
    }

    /** Replaces a combo box's choices, keeping the selected id when it is still offered. */
    static void fill(JComboBox<Choice> combo, List<Choice> items) {
        Choice before = (Choice) combo.getSelectedItem();
        DefaultComboBoxModel<Choice> m = new DefaultComboBoxModel<>(items.toArray(Choice[]::new));
        combo.setModel(m);
        if (before != null) {
            select(combo, before.id());
        }
    }

    /** Selects the choice with that id, or nothing if there is none (a component that is not installed). */
    static void select(JComboBox<Choice> combo, String id) {
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

    static <T> List<T> listContents(DefaultListModel<T> m) {
        List<T> out = new ArrayList<>(m.size());
        for (int i = 0; i < m.size(); i++) {
            out.add(m.get(i));
        }
        return out;
    }

    /** Replaces a list's items when they differ (an equal list keeps its selection). */
    static <T> void replace(DefaultListModel<T> m, List<T> items) {
        if (!items.equals(listContents(m))) {
            m.clear();
            items.forEach(m::addElement);
        }
    }

    static void setText(JTextField field, String text) {
        if (!field.getText().equals(text)) {
            field.setText(text);
        }
    }

    static JPanel section(String title, JComponent body) {
        JPanel panel = new JPanel(new BorderLayout());
        panel.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createTitledBorder(title),
                BorderFactory.createEmptyBorder(2, 6, 6, 6)));
        panel.add(body, BorderLayout.CENTER);
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        panel.setMaximumSize(new Dimension(Integer.MAX_VALUE, panel.getPreferredSize().height * 4));
        return panel;
    }

    static JPanel row(Component... parts) {
        JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEADING, 6, 2));
        for (Component c : parts) {
            panel.add(c);
        }
        panel.setAlignmentX(Component.LEFT_ALIGNMENT);
        return panel;
    }

    static JButton linkButton(String swingName) {
        JButton b = new JButton(" ");
        b.setName(swingName);
        b.setHorizontalAlignment(SwingConstants.LEADING);
        return b;
    }

    static JLabel missingLabel(String swingName) {
        JLabel l = new JLabel("missing: not installed");
        l.setName(swingName);
        l.setForeground(PROBLEM_TEXT);
        l.setToolTipText("No installed bundle provides this component: install its plugin, or switch to another");
        l.setVisible(false);
        return l;
    }
}
