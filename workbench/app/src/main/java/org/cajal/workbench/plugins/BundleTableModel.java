package org.cajal.workbench.plugins;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The state shown for a jar of plugins/ that could not be installed, resolved or started. */
    static final String FAILED = "Failed";

    /** The rows for these bundles, sorted by bundle id (the framework's install order). */
    static List<Row> rows(Bundle[] bundles, BundleRules rules, Catalog catalog) {
        return rows(bundles, rules, catalog, Map.of());
    }

    /**
     * The rows for these bundles, sorted by bundle id, then one row per failed plugin jar that is no bundle at all.
     *
     * @param problems the launcher's reason for each plugin jar that failed, by file name ({@code PluginProblems}):
     *                 a bundle from such a jar that is not running is shown as failed with the reason
     */
    static List<Row> rows(Bundle[] bundles, BundleRules rules, Catalog catalog, Map<String, String> problems) {
        List<Row> out = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        for (Bundle b : bundles) {
            if (b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            String jar = jarName(b.getLocation());
            String reason = problems.get(jar);
            boolean failed = reason != null && !running(b);
            if (failed) {
                shown.add(jar);
            }
            out.add(new Row(b.getBundleId(), BundleRules.name(b), String.valueOf(b.getVersion()),
                    failed ? FAILED : BundleRules.stateName(b), rules.fromText(b),
                    failed ? reason : BundleRules.contributions(b.getSymbolicName(), catalog), b.getLocation()));
        }
        out.sort(Comparator.comparingLong(Row::id));
        long id = -1;
        for (Map.Entry<String, String> p : problems.entrySet()) {
            if (!shown.contains(p.getKey()) && !p.getKey().isEmpty() && out.stream()
                    .noneMatch(r -> p.getKey().equals(jarName(r.location())))) {
                out.add(new Row(id--, p.getKey(), "", FAILED, "plugins folder", p.getValue(), p.getKey()));
            }
        }
        return out;
    }

    private static boolean running(Bundle b) {
        return b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING
                || BundleRules.isFragment(b) && b.getState() == Bundle.RESOLVED;
    }

    /** The file name at the end of a bundle location ({@code file:/x/plugins/a.jar} gives {@code a.jar}). */
    static String jarName(String location) {
        if (location == null) {
            return "";
        }
        int slash = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
        return location.substring(slash + 1);
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
