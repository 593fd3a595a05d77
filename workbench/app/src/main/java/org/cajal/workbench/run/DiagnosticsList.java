package org.cajal.workbench.run;

import java.awt.BorderLayout;
import java.awt.event.MouseEvent;

import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;

/**
 * The training view's diagnostics under the charts: one line per diagnostic the runtime reported, newest last,
 * with a heading that counts them; a line longer than the list is wide shows whole as its tooltip. Event-dispatch
 * thread.
 *
 * <p>Swing names: {@code run.diagnostics}, {@code run.diagnosticsTitle}.
 */
final class DiagnosticsList {

    static final String NO_DIAGNOSTICS = "Diagnostics: none so far";

    private final DefaultListModel<String> lines = new DefaultListModel<>();
    private final JList<String> list = new JList<>(lines) {
        private static final long serialVersionUID = 1L;

        @Override
        public String getToolTipText(MouseEvent event) {
            int index = locationToIndex(event.getPoint());
            return index < 0 || !getCellBounds(index, index).contains(event.getPoint()) ? super.getToolTipText(event)
                    : "<html><body style='width: 480px'>" + escape(getModel().getElementAt(index)) + "</body></html>";
        }
    };
    private final JLabel title = new JLabel(NO_DIAGNOSTICS);
    private final JPanel component = new JPanel(new BorderLayout(0, 2));

    DiagnosticsList() {
        list.setName("run.diagnostics");
        list.setVisibleRowCount(4);
        list.setToolTipText("What the runtime noticed during training, and what to try");
        title.setName("run.diagnosticsTitle");
        component.setBorder(BorderFactory.createEmptyBorder(4, 6, 6, 6));
        component.add(title, BorderLayout.NORTH);
        component.add(new JScrollPane(list), BorderLayout.CENTER);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    JComponent component() {
        return component;
    }

    /** Adds a line, newest last, and keeps it in view. */
    void add(String line) {
        lines.addElement(line);
        title.setText("Diagnostics (" + lines.size() + "):");
        list.ensureIndexIsVisible(lines.size() - 1);
    }

    /** A new run starts with none. */
    void clear() {
        lines.clear();
        title.setText(NO_DIAGNOSTICS);
    }

    DefaultListModel<String> lines() {
        return lines;
    }
}
