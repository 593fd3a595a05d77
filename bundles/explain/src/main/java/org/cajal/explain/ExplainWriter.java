package org.cajal.explain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.trained.ExplainFiles;
import org.cajal.explain.method.Feature;
import org.cajal.explain.method.PartialDependence;
import org.cajal.explain.method.PermutationImportance;
import org.cajal.explain.method.ShapleyValues;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.Json;

/** Writes an {@link Explanation} as the files of {@link ExplainFiles} (tables and summary; charts apart). */
final class ExplainWriter {

    private ExplainWriter() {
    }

    /** Writes every table and the summary into {@code dir}; returns the files written. */
    static List<Path> write(Explanation e, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(write(importance(e), dir.resolve(ExplainFiles.IMPORTANCE)));
        for (PartialDependence.Curves c : e.curves()) {
            written.add(write(partialDependence(e, c), dir.resolve(ExplainFiles.partialDependence(c.feature().name()))));
            written.add(write(individual(e, c), dir.resolve(ExplainFiles.individualCurves(c.feature().name()))));
        }
        written.add(write(attributions(e), dir.resolve(ExplainFiles.ATTRIBUTIONS)));
        Path summary = dir.resolve(ExplainFiles.SUMMARY);
        Json.write(summary, summary(e));
        written.add(summary);
        return written;
    }

    private static Path write(CsvTable table, Path file) throws IOException {
        table.write(file);
        return file;
    }

    static CsvTable importance(Explanation e) {
        PermutationImportance.Importance imp = e.importance();
        List<List<String>> rows = new ArrayList<>();
        for (PermutationImportance.Result r : imp.results()) {
            rows.add(List.of(r.feature().name(), kind(r.feature()), imp.metric().id(), CsvTable.cell9(imp.baseline()),
                    CsvTable.cell9(r.mean()), CsvTable.cell9(r.sd()), CsvTable.cell9(r.low()),
                    CsvTable.cell9(r.high()), Integer.toString(imp.repeats())));
        }
        return new CsvTable(List.of("feature", "kind", "metric", "baseline", "importance", "sd", "low95", "high95",
                "repeats"), rows);
    }

    static CsvTable partialDependence(Explanation e, PartialDependence.Curves c) {
        List<String> header = new ArrayList<>(List.of(c.feature().name()));
        header.addAll(e.outputs());
        List<List<String>> rows = new ArrayList<>();
        for (int g = 0; g < c.grid().length; g++) {
            List<String> row = new ArrayList<>(List.of(value(c.feature(), c.grid()[g])));
            for (double v : c.average()[g]) {
                row.add(CsvTable.cell9(v));
            }
            rows.add(row);
        }
        return new CsvTable(header, rows);
    }

    static CsvTable individual(Explanation e, PartialDependence.Curves c) {
        List<String> header = new ArrayList<>(List.of("row", c.feature().name()));
        header.addAll(e.outputs());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < c.ice().length; i++) {
            for (int g = 0; g < c.grid().length; g++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(e.rows().indices()[i]),
                        value(c.feature(), c.grid()[g])));
                for (double v : c.ice()[i][g]) {
                    row.add(CsvTable.cell9(v));
                }
                rows.add(row);
            }
        }
        return new CsvTable(header, rows);
    }

    static CsvTable attributions(Explanation e) {
        ShapleyValues.Attribution a = e.attribution();
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < a.features().size(); j++) {
            for (int k = 0; k < e.outputs().size(); k++) {
                rows.add(List.of(a.features().get(j).name(), e.outputs().get(k), CsvTable.cell9(a.phi()[j][k]),
                        CsvTable.cell9(a.error()[j][k])));
            }
        }
        return new CsvTable(List.of("feature", "output", "attribution", "standardError"), rows);
    }

    private static Map<String, Object> summary(Explanation e) {
        ExplainSettings s = e.settings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", e.rows().part());
        out.put("rows", e.rows().indices().length);
        out.put("seed", s.seed());
        out.put("metric", e.importance().metric().id());
        out.put("baseline", e.importance().baseline());
        out.put("repeats", e.importance().repeats());
        out.put("interval", "95% Student-t interval of the mean importance over the permutation repeats");
        out.put("grid", s.grid());
        out.put("outputs", e.outputs());
        ShapleyValues.Attribution a = e.attribution();
        Map<String, Object> att = new LinkedHashMap<>();
        att.put("row", e.attributed());
        att.put("method", a.exact() ? "exact Shapley values over every coalition (what Kernel SHAP estimates)"
                : "permutation sampling with antithetic pairs");
        att.put("samples", a.samples());
        att.put("background", s.background());
        att.put("base", a.base());
        att.put("output", a.output());
        out.put("attributions", att);
        return out;
    }

    private static String kind(Feature f) {
        return f.categorical() ? "categorical" : "numeric";
    }

    private static String value(Feature f, double v) {
        return f.categorical() ? f.label(v) : CsvTable.cell9(v);
    }
}
