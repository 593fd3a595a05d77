package org.cajal.workbench.editor;

import java.awt.Color;
import java.awt.Component;
import java.awt.event.MouseEvent;

import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * The layer table: rows with a problem tinted red and their status in red, the full status message as each row's
 * tooltip.
 */
final class LayerTable extends JTable {

    private static final long serialVersionUID = 1L;

    LayerTable(LayerTableModel m) {
        super(m);
        setDefaultRenderer(String.class, new LayerRenderer());
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

    /** Paints rows with a problem with a red tint, and their status in red. */
    private static final class LayerRenderer extends DefaultTableCellRenderer {

        private static final long serialVersionUID = 1L;

        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            super.getTableCellRendererComponent(table, value, selected, focus, row, column);
            LayerTableModel.Row r = ((LayerTableModel) table.getModel()).row(table.convertRowIndexToModel(row));
            if (!selected) {
                Color base = table.getBackground();
                setBackground(r.problem() ? blend(base, EditorWidgets.PROBLEM_TINT) : base);
                setForeground(r.problem() && column == LayerTableModel.COL_STATUS ? EditorWidgets.PROBLEM_TEXT
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
