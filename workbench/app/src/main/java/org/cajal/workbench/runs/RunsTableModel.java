package org.cajal.workbench.runs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.swing.table.AbstractTableModel;

import org.cajal.workbench.results.Metrics;

/**
 * The runs table's rows: run id, pipeline, start time (local, {@code yyyy-MM-dd HH:mm:ss}, so it sorts as text),
 * status, epochs and the headline metric ({@link Metrics.Headline}, sorted by value). Event-dispatch thread.
 */
final class RunsTableModel extends AbstractTableModel {

    static final int RUN = 0;
    static final int PIPELINE = 1;
    static final int STARTED = 2;
    static final int STATUS = 3;
    static final int EPOCHS = 4;
    static final int RESULT = 5;

    private static final String[] NAMES = {"Run", "Pipeline", "Started", "Status", "Epochs", "Result"};
    private static final Class<?>[] TYPES = {String.class, String.class, String.class, String.class, Integer.class,
        Metrics.Headline.class};
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private List<RunSummary> rows = List.of();

    void setRows(List<RunSummary> runs) {
        rows = List.copyOf(runs);
        fireTableDataChanged();
    }

    List<RunSummary> rows() {
        return rows;
    }

    RunSummary row(int modelIndex) {
        return rows.get(modelIndex);
    }

    /** The union of the runs' metric columns (without {@code epoch}), in first-seen order. */
    List<String> metricColumns() {
        List<String> columns = new ArrayList<>();
        for (RunSummary run : rows) {
            for (String c : run.metricColumns()) {
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
        RunSummary r = rows.get(rowIndex);
        return switch (column) {
            case RUN -> r.runId();
            case PIPELINE -> r.pipeline();
            case STARTED -> r.start() == null ? "" : TIME.format(r.start());
            case STATUS -> r.status();
            case EPOCHS -> r.epochs();
            case RESULT -> r.headline().orElse(null);
            default -> throw new IndexOutOfBoundsException("column " + column);
        };
    }
}
