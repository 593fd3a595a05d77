package org.cajal.experiments.internal.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cajal.experiments.internal.store.FolderFiles;

/**
 * The sentences of a methods paragraph on the data: rows and columns, missing cells and how they were filled,
 * preprocessing and the split in rows. Reads what the run recorded and leaves out what it did not.
 */
final class DataText {

    /** Keys under a recorded count of filled cells that name a split rather than a column. */
    private static final Set<String> SPLITS = Set.of("train", "training", "validation", "test", "count", "total",
            "cells");

    private DataText() {
    }

    /** Rows, file, columns, target and classes. */
    static String data(MethodsText.Inputs in) {
        Map<String, Object> dataset = FolderFiles.object(in.pipeline(), "dataset");
        Map<String, Object> params = FolderFiles.object(dataset, "params");
        String type = FolderFiles.string(dataset, "type");
        Object rows = FolderFiles.object(in.provenance(), "data").get("examples");
        String file = FolderFiles.string(params, "file");
        StringBuilder b = new StringBuilder("The data were ");
        String count = rows instanceof Number n ? n + " " : "";
        if (file != null) {
            b.append(count).append(rows instanceof Number n && n.intValue() == 1 ? "row" : "rows").append(" of ")
                    .append(Path.of(file).getFileName()).append(" (the ").append(type).append(" dataset)");
        } else {
            String p = MethodsText.params(params, List.of());
            b.append(count).append("examples of the ").append(type).append(" dataset")
                    .append(p.isEmpty() ? "" : " (" + p + ")");
        }
        b.append(columns(in.schema()));
        String sha = FolderFiles.string(FolderFiles.object(in.provenance(), "data"), "sha256");
        if (sha != null) {
            b.append("; the examples as loaded have the SHA-256 fingerprint ").append(sha, 0, Math.min(16, sha.length()))
                    .append("…");
        }
        return b.append(".").toString();
    }

    private static String columns(Map<String, Object> schema) {
        List<Object> features = FolderFiles.array(schema, "featureNames");
        if (features.isEmpty()) {
            return "";
        }
        List<String> categorical = new ArrayList<>(FolderFiles.object(schema, "featureCategories").keySet());
        StringBuilder b = new StringBuilder(", with ").append(features.size())
                .append(features.size() == 1 ? " input column" : " input columns");
        if (!categorical.isEmpty()) {
            b.append(" (").append(MethodsText.join(categorical)).append(categorical.size() == 1 ? " categorical)"
                    : " categorical)");
        }
        List<Object> targets = FolderFiles.array(schema, "targetNames");
        if (!targets.isEmpty()) {
            b.append(" and the target ").append(MethodsText.join(targets.stream().map(String::valueOf).toList()));
        }
        int classes = FolderFiles.array(schema, "classLabels").size();
        if (classes > 0) {
            b.append(" (").append(classes).append(" classes)");
        }
        return b.toString();
    }

    /**
     * Label noise on the training rows (the split section's {@code labelNoise}): how many of them got a wrong class;
     * empty when the pipeline asked for none.
     */
    static String labelNoise(MethodsText.Inputs in) {
        Object noise = FolderFiles.object(in.pipeline(), "split").get("labelNoise");
        if (!(noise instanceof Number p) || p.doubleValue() <= 0) {
            return "";
        }
        Object train = FolderFiles.object(FolderFiles.object(in.provenance(), "data"), "split").get("train");
        String share = Math.round(p.doubleValue() * 1000) / 10.0 + " %";
        String rows = train instanceof Number n
                ? String.format(java.util.Locale.ROOT, "%,d of the %,d training rows (%s)",
                        Math.round(p.doubleValue() * n.intValue()), n.intValue(), share)
                : share + " of the training rows";
        return "To study label noise, " + rows + " were given a wrong class drawn uniformly from the other classes "
                + "(rows chosen with the seed after the split); validation and test rows kept their true classes.";
    }

    /** Missing cells: how many were filled, in which columns, from which rows; empty when the data had none. */
    static String missing(MethodsText.Inputs in) {
        String policy = FolderFiles.string(FolderFiles.object(FolderFiles.object(in.pipeline(), "dataset"), "params"),
                "missing");
        Map<String, Long> filled = filledCells(in);
        if ("drop".equals(policy)) {
            return "Rows with a missing cell were left out.";
        }
        if (!"impute".equals(policy) && filled.isEmpty()) {
            return "";
        }
        if (filled.isEmpty()) {
            return "Missing cells were filled with their column's mean (numeric columns) or most frequent category "
                    + "(categorical columns); the run does not record how many or from which rows.";
        }
        long total = filled.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return "No cell was missing.";
        }
        List<String> parts = new ArrayList<>();
        filled.forEach((column, n) -> parts.add(column + " " + n));
        return total + (total == 1 ? " missing cell (" : " missing cells (") + MethodsText.join(parts)
                + ") were filled with their column's mean (numeric columns) or most frequent category (categorical "
                + "columns), computed on the training rows only and applied unchanged to the validation and test "
                + "rows.";
    }

    /**
     * The filled cells per column from the first {@code imputed} map the run recorded (provenance.json's data,
     * evaluation.json or schema.json), whether it is keyed column → count, column → split → count or split →
     * column → count; empty when none is recorded.
     */
    static Map<String, Long> filledCells(MethodsText.Inputs in) {
        for (Map<String, Object> source : List.of(FolderFiles.object(in.provenance(), "data"), in.provenance(),
                in.evaluation(), in.schema())) {
            if (source.get("imputed") instanceof Map<?, ?> m) {
                Map<String, Long> out = new LinkedHashMap<>();
                add(m, null, out);
                return out;
            }
        }
        return Map.of();
    }

    private static void add(Map<?, ?> m, String column, Map<String, Long> out) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            String col = SPLITS.contains(key.toLowerCase(Locale.ROOT)) ? column : key;
            if (e.getValue() instanceof Number n && col != null) {
                out.merge(col, n.longValue(), Long::sum);
            } else if (e.getValue() instanceof Map<?, ?> inner) {
                add(inner, col, out);
            }
        }
    }

    /** The preprocessing steps, fitted on the training rows. */
    static String preprocessing(Map<String, Object> pipeline) {
        List<String> steps = new ArrayList<>();
        for (Object o : FolderFiles.array(pipeline, "preprocessing")) {
            if (o instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) m;
                String params = MethodsText.params(FolderFiles.object(step, "params"), List.of());
                steps.add(FolderFiles.string(step, "type") + (params.isEmpty() ? "" : " (" + params + ")"));
            }
        }
        if (steps.isEmpty()) {
            return "";
        }
        return "The inputs were preprocessed with " + MethodsText.join(steps) + ", fitted on the training rows only.";
    }
}
