package org.cajal.workbench.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.swing.table.AbstractTableModel;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Problem;
import org.cajal.workbench.core.Catalog;

/**
 * The rows of the layer-stack table: one per layer, with its output shape and parameter count from the latest
 * {@link ModelSummary} and its status (a problem the runtime found, or a layer type that is not installed).
 */
final class LayerTableModel extends AbstractTableModel {

    static final String[] COLUMNS = {"#", "Layer", "Output shape", "Parameters", "Status"};
    static final int COL_STATUS = 4;

    /** Shown while the summary of the current pipeline is being computed and no earlier value fits. */
    static final String PENDING = "…";
    /** Shown where a value is unknown (the layer could not be built). */
    static final String UNKNOWN = "—";

    /**
     * One row.
     *
     * @param problem true when the status is a problem (the row is painted red)
     */
    record Row(int index, String type, String label, String output, String parameters, String status,
               boolean problem) {
    }

    private List<Row> rows = List.of();

    /**
     * The rows for a pipeline's layers.
     *
     * @param summary the latest summary, possibly of an earlier version of the pipeline (its values are used for
     *                layers whose type is the same at the same position), or null if there is none yet
     * @param fresh   whether the summary was made from exactly this pipeline
     * @param pending whether a newer summary is being computed (values not known yet show "…", else "—")
     */
    static List<Row> rows(Pipeline p, Catalog catalog, ModelSummary summary, boolean fresh, boolean pending) {
        String noValue = pending ? PENDING : UNKNOWN;
        List<ComponentRef> layers = p.model().layers();
        List<Row> out = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            String type = layers.get(i).type();
            String label = PipelineEdits.label(catalog, ComponentKind.LAYER_TYPE, type);
            Optional<ModelSummary.Layer> info = Optional.empty();
            if (summary != null && i < summary.layers().size() && summary.layers().get(i).type().equals(type)) {
                info = Optional.of(summary.layers().get(i));
            }
            String output = info.map(l -> l.output().map(Object::toString).orElse(UNKNOWN)).orElse(noValue);
            String params = info.map(l -> l.parameters() < 0 ? UNKNOWN : PipelineEdits.count(l.parameters()))
                    .orElse(noValue);
            String status;
            boolean problem;
            if (catalog.find(ComponentKind.LAYER_TYPE, type).isEmpty()) {
                status = "missing: " + type + " is not installed";
                problem = true;
                output = UNKNOWN;
                params = UNKNOWN;
            } else {
                String message = problemOf(i, info, summary, fresh);
                problem = message != null;
                status = message != null ? message : fresh && info.isPresent() ? "OK" : "";
            }
            out.add(new Row(i, type, label, output, params, status, problem));
        }
        return out;
    }

    private static String problemOf(int i, Optional<ModelSummary.Layer> info, ModelSummary summary,
                                    boolean fresh) {
        if (info.isPresent() && info.get().hasProblem()) {
            return info.get().problem();
        }
        if (summary == null || (info.isEmpty() && !fresh)) {
            return null;
        }
        String joined = summary.problems().stream()
                .filter(pr -> PipelineEdits.layerIndex(pr.location()).filter(x -> x == i).isPresent())
                .map(Problem::message)
                .collect(Collectors.joining("; "));
        return joined.isEmpty() ? null : joined;
    }

    /** The summary's problems that no layer row shows (dataset, preprocessing, training, ...). */
    static List<Problem> otherProblems(ModelSummary summary, int layerCount) {
        return summary.problems().stream()
                .filter(pr -> PipelineEdits.layerIndex(pr.location()).filter(i -> i < layerCount).isEmpty())
                .toList();
    }

    void setRows(List<Row> next) {
        this.rows = List.copyOf(next);
        fireTableDataChanged();
    }

    Row row(int i) {
        return rows.get(i);
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
    public Object getValueAt(int row, int column) {
        Row r = rows.get(row);
        return switch (column) {
            case 0 -> String.valueOf(r.index());
            case 1 -> r.label();
            case 2 -> r.output();
            case 3 -> r.parameters();
            default -> r.status();
        };
    }
}
