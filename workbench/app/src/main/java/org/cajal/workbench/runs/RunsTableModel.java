package org.cajal.workbench.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.table.AbstractTableModel;

import org.cajal.workbench.core.Metrics;

/**
 * The runs table's rows: run id, pipeline, start time (local, {@code yyyy-MM-dd HH:mm:ss}, so it sorts as text),
 * status, epochs, the headline metric ({@link Metrics.Headline}, sorted by value), the kind (run, search, repeats,
 * sweep) and the tags. Event-dispatch thread.
 */
final class RunsTableModel extends AbstractTableModel {

    static final int RUN = 0;
    static final int PIPELINE = 1;
    static final int STARTED = 2;
    static final int STATUS = 3;
    static final int EPOCHS = 4;
    static final int RESULT = 5;
    static final int KIND = 6;
    static final int TAGS = 7;

    private static final String[] NAMES = {"Run", "Pipeline", "Started", "Status", "Epochs", "Result", "Kind",
        "Tags"};
    private static final Class<?>[] TYPES = {String.class, String.class, String.class, String.class, Integer.class,
        Metrics.Headline.class, String.class, String.class};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private List<RunRow> rows = List.of();

    void setRows(List<RunRow> runs) {
        rows = List.copyOf(runs);
        fireTableDataChanged();
    }

    List<RunRow> rows() {
        return rows;
    }

    RunRow row(int modelIndex) {
        return rows.get(modelIndex);
    }

    /** Every tag of the listed rows, sorted case-insensitively. */
    List<String> tags() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        rows.forEach(r -> all.addAll(r.tags()));
        return List.copyOf(all);
    }

    /** The union of the runs' metric columns (without {@code epoch}), in first-seen order. */
    List<String> metricColumns() {
        List<String> columns = new ArrayList<>();
        for (RunRow row : rows) {
            for (String c : row.run().metricColumns()) {
                if (!c.equals("epoch") && !columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        return columns;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return NAMES.length;
    }

    @Override
    public String getColumnName(int column) {
        return NAMES[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return TYPES[column];
    }

    @Override
    public Object getValueAt(int rowIndex, int column) {
        RunRow row = rows.get(rowIndex);
        RunSummary r = row.run();
        return switch (column) {
            case RUN -> r.runId();
            case PIPELINE -> r.pipeline();
            case STARTED -> r.start() == null ? "" : TIME.format(r.start());
            case STATUS -> r.status();
            case EPOCHS -> r.epochs();
            case RESULT -> r.headline().orElse(null);
            case KIND -> row.kind();
            case TAGS -> row.tagText();
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }
}
