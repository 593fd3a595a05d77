package org.cajal.workbench.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.swing.table.AbstractTableModel;

import org.cajal.workbench.core.Catalog;
import org.osgi.framework.Bundle;

/** The rows of the plugins table: one per installed bundle, by bundle id. Event-dispatch thread only. */
final class BundleTableModel extends AbstractTableModel {

    static final String[] COLUMNS = {"Bundle", "Version", "State", "From", "Contributes"};
    static final int NAME = 0;
    static final int VERSION = 1;
    static final int STATE = 2;
    static final int FROM = 3;
    static final int CONTRIBUTES = 4;

    /** One bundle as the table shows it. */
    record Row(long id, String name, String version, String state, String from, String contributes,
               String location) {
    }

    private List<Row> rows = List.of();

    /** The rows for these bundles, sorted by bundle id (the framework's install order). */
    static List<Row> rows(Bundle[] bundles, BundleRules rules, Catalog catalog) {
        List<Row> out = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            out.add(new Row(b.getBundleId(), BundleRules.name(b), String.valueOf(b.getVersion()),
                    BundleRules.stateName(b), rules.fromText(b),
                    BundleRules.contributions(b.getSymbolicName(), catalog), b.getLocation()));
        }
        out.sort(Comparator.comparingLong(Row::id));
        return out;
    }

    void setRows(List<Row> next) {
        rows = List.copyOf(next);
        fireTableDataChanged();
    }

    Row row(int modelIndex) {
        return rows.get(modelIndex);
    }

    /** The model index of the bundle with that id, or -1. */
    int indexOf(long bundleId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == bundleId) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return String.class;
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        Row r = rows.get(rowIndex);
        return switch (column) {
            case NAME -> r.name();
            case VERSION -> r.version();
            case STATE -> r.state();
            case FROM -> r.from();
            case CONTRIBUTES -> r.contributes();
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }
}
