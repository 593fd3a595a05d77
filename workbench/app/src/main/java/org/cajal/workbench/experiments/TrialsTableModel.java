package org.cajal.workbench.experiments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.swing.table.AbstractTableModel;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;

import org.cajal.experiments.Trial;

/**
 * The search view's trials: one row per finished trial (finished, failed or cancelled, resumed ones too), columns
 * trial, one per parameter, seed, status, objective, then one per metric. A trial reported again (resume) replaces
 * its row. Knows the best finished trial by the objective and the goal. Event-dispatch thread.
 */
public final class TrialsTableModel extends AbstractTableModel {

    private static final long serialVersionUID = 1L;

    /** Numbers by value, then anything else by its text; nulls last. */
    public static final Comparator<Object> VALUES = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Number) {
            return -1;
        }
        if (b instanceof Number) {
            return 1;
        }
        return a.toString().compareToIgnoreCase(b.toString());
    };

    private final List<Trial> rows = new ArrayList<>();
    private final List<String> params = new ArrayList<>();
    private final List<String> metrics = new ArrayList<>();
    private boolean minimise = true;

    /** Starts afresh: no rows; these parameter columns first; this goal. */
    public void reset(List<String> parameterPaths, boolean minimiseObjective) {
        rows.clear();
        params.clear();
        params.addAll(parameterPaths);
        metrics.clear();
        minimise = minimiseObjective;
        fireTableStructureChanged();
    }

    /**
     * Adds (or replaces, by number) a trial.
     *
     * @return whether the columns changed (a new parameter or metric): the table's sorter must be made again
     */
    public boolean add(Trial trial) {
        boolean structure = false;
        for (String p : trial.params().keySet()) {
            if (!params.contains(p)) {
                params.add(p);
                structure = true;
            }
        }
        for (String m : trial.metrics().keySet()) {
            if (!metrics.contains(m)) {
                metrics.add(m);
                structure = true;
            }
        }
        int at = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).number() == trial.number()) {
                at = i;
            }
        }
        if (at >= 0) {
            rows.set(at, trial);
        } else {
            rows.add(trial);
        }
        if (structure) {
            fireTableStructureChanged();
        } else {
            fireTableDataChanged();
        }
        return structure;
    }

    public List<Trial> trials() {
        return List.copyOf(rows);
    }

    public Trial trial(int modelRow) {
        return rows.get(modelRow);
    }

    /** The model row of the best finished trial with a number objective, or -1. */
    public int best() {
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            Trial t = rows.get(i);
            if (!t.finished() || Double.isNaN(t.objective())) {
                continue;
            }
            if (best < 0 || (minimise ? t.objective() < rows.get(best).objective()
                    : t.objective() > rows.get(best).objective())) {
                best = i;
            }
        }
        return best;
    }

    /** A sorter for a table showing this model: numbers sort by value in every column. */
    public TableRowSorter<TableModel> sorter() {
        TableRowSorter<TableModel> sorter = new TableRowSorter<>(this);
        for (int c = 0; c < getColumnCount(); c++) {
            sorter.setComparator(c, VALUES);
        }
        return sorter;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return 1 + params.size() + 3 + metrics.size();
    }

    @Override
    public String getColumnName(int column) {
        if (column == 0) {
            return "Trial";
        }
        int c = column - 1;
        if (c < params.size()) {
            return params.get(c);
        }
        c -= params.size();
        if (c < 3) {
            return new String[] {"Seed", "Status", "Objective"}[c];
        }
        return metrics.get(c - 3);
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return Object.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        Trial t = rows.get(row);
        if (column == 0) {
            return t.number();
        }
        int c = column - 1;
        if (c < params.size()) {
            return t.params().get(params.get(c));
        }
        c -= params.size();
        return switch (c) {
            case 0 -> t.seed();
            case 1 -> t.error() == null ? t.status() : t.status() + ": " + t.error();
            case 2 -> Double.isNaN(t.objective()) ? null : t.objective();
            default -> value(t.metrics(), metrics.get(c - 3));
        };
    }

    private static Object value(Map<String, Double> map, String key) {
        Double v = map.get(key);
        return v == null || v.isNaN() ? null : v;
    }
}
