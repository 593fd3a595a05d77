package org.cajal.workbench.editor;

import java.awt.Component;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.AbstractAction;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;

/**
 * The editor's "Problems" section: what the runtime's model summary found, in red; a double click (or Enter) selects
 * the step a problem is about. Event-dispatch thread.
 *
 * <p>Swing name: {@code editor.problems}.
 */
final class ProblemsSection {

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

    private final DefaultListModel<ProblemItem> items = new DefaultListModel<>();
    private final JList<ProblemItem> list = new JList<>(items);

    /** @param chosen called with the problem the user picked */
    JComponent build(Consumer<ProblemItem> chosen) {
        list.setName("editor.problems");
        list.setVisibleRowCount(4);
        list.setToolTipText("Double-click a problem to select the step it is about");
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> l, Object value, int index,
                                                          boolean selected, boolean focus) {
                super.getListCellRendererComponent(l, value, index, selected, focus);
                if (!selected) {
                    setForeground(EditorWidgets.PROBLEM_TEXT);
                }
                setToolTipText(String.valueOf(value));
                return this;
            }
        });
        list.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    int i = list.locationToIndex(e.getPoint());
                    if (i >= 0) {
                        chosen.accept(items.get(i));
                    }
                }
            }
        });
        list.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "select");
        list.getActionMap().put("select", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                ProblemItem item = list.getSelectedValue();
                if (item != null) {
                    chosen.accept(item);
                }
            }
        });
        JScrollPane s = new JScrollPane(list);
        s.setPreferredSize(new Dimension(400, 90));
        return s;
    }

    void show(List<ProblemItem> problems) {
        EditorWidgets.replace(items, problems);
    }
}
