package org.cajal.experiments.internal.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.cajal.api.trained.ExplainFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.Json;

/**
 * The report's explanations part, when {@code cajal explain} has written the run's explain folder: explanations.md
 * (what was computed on which rows, and the importance table with its intervals) and the explain folder's charts
 * copied beside it.
 */
final class ExplanationText {

    private ExplanationText() {
    }

    /** Writes the part if the run has an explain folder with an importance table; nothing otherwise. */
    static void write(Path run, Path out, List<Path> written) throws IOException {
        Path dir = run.resolve(ExplainFiles.FOLDER);
        Path importance = dir.resolve(ExplainFiles.IMPORTANCE);
        if (!Files.isRegularFile(importance)) {
            return;
        }
        Map<String, Object> summary = Files.isRegularFile(dir.resolve(ExplainFiles.SUMMARY))
                ? Json.readObject(dir.resolve(ExplainFiles.SUMMARY)) : Map.of();
        List<String> charts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".png") || name.endsWith(".svg")) {
                    Path copy = out.resolve("explain-" + name);
                    Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                    written.add(copy);
                    if (name.endsWith(".png")) {
                        charts.add("explain-" + name);
                    }
                }
            }
        }
        Path md = out.resolve("explanations.md");
        AtomicFiles.write(md, text(CsvTable.read(importance), summary, charts));
        written.add(md);
    }

    static String text(CsvTable table, Map<String, Object> summary, List<String> charts) {
        StringBuilder s = new StringBuilder("# Explanations\n\n");
        String metric = table.rows().isEmpty() ? "the metric" : table.cell(0, "metric");
        s.append(String.format(Locale.ROOT, "Permutation feature importance (Breiman, 2001) was computed on %s rows "
                + "of the %s split as the loss of %s when one input was shuffled across the rows (baseline %s), "
                + "repeated over %s permutations; the interval is the 95%% Student-t interval of the mean over the "
                + "permutations, so it shows how much the figure depends on the shuffles, not how it would vary over "
                + "other data or another training run. A categorical input was shuffled as one feature. Correlated "
                + "inputs share their importance: shuffling one of two correlated inputs leaves the other to carry "
                + "its information, so both can look unimportant. Partial dependence with individual conditional "
                + "expectation curves (Friedman, 2001; Goldstein et al., 2015) was computed on a grid of %s points "
                + "over each numeric input's observed range; it averages predictions at input combinations the data "
                + "may not contain.%n%n", value(summary, "rows"), value(summary, "split"), metric,
                value(summary, "baseline"), value(summary, "repeats"), value(summary, "grid")));
        s.append("| input | kind | importance | 95% interval |\n| --- | --- | --- | --- |\n");
        for (int r = 0; r < table.rows().size(); r++) {
            s.append("| ").append(table.cell(r, "feature")).append(" | ").append(table.cell(r, "kind")).append(" | ")
                    .append(table.cell(r, "importance")).append(" | [").append(table.cell(r, "low95")).append(", ")
                    .append(table.cell(r, "high95")).append("] |\n");
        }
        s.append('\n');
        for (String chart : charts) {
            s.append("![").append(chart.replace(".png", "")).append("](").append(chart).append(")\n");
        }
        return s.toString();
    }

    private static String value(Map<String, Object> summary, String key) {
        Object v = summary.get(key);
        return v == null ? "?" : v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : v.toString();
    }
}
