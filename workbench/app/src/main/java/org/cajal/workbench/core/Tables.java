package org.cajal.workbench.core;

import java.util.List;

import javax.swing.table.DefaultTableModel;

/** Tables of text the views fill from rows (a header row first): summaries, comparisons. Event-dispatch thread. */
public final class Tables {

    private Tables() {
    }

    /** Fills a table model from a header row and data rows. */
    public static void show(DefaultTableModel model, List<List<String>> rows) {
        if (rows.isEmpty()) {
            model.setDataVector(new Object[0][0], new Object[0]);
            return;
        }
        Object[] header = rows.get(0).toArray();
        Object[][] data = new Object[rows.size() - 1][];
        for (int i = 1; i < rows.size(); i++) {
            data[i - 1] = rows.get(i).toArray();
        }
        model.setDataVector(data, header);
    }
}
