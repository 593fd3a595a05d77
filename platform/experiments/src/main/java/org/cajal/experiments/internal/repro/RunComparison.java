package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.CsvTable;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * Compares a bundled run with its rerun: every number of evaluation.json (nested ones by their path,
 * {@code folds[1].accuracy}) and every value of metrics.csv, also of the fold-i folders, to the last bit; and, for
 * information only, the backend, hardware and bundle versions.
 *
 * @param identical every number equal (the informational lines do not count)
 * @param differences one line per difference, numbers first
 */
record RunComparison(boolean identical, List<String> differences) {

    /** At most this many differing values are listed per file; the rest are counted. */
    static final int LIST_PER_FILE = 10;

    static RunComparison compare(Path bundled, Path rerun, String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean same = files(bundled, rerun, prefix, lines);
        for (Path fold : RunFolders.folds(bundled)) {
            same &= files(fold, rerun.resolve(fold.getFileName().toString()), prefix + fold.getFileName() + "/", lines);
        }
        lines.addAll(informational(RunFolders.provenance(bundled).values(), RunFolders.provenance(rerun).values(),
                prefix));
        return new RunComparison(same, List.copyOf(lines));
    }

    private static boolean files(Path bundled, Path rerun, String prefix, List<String> lines) throws IOException {
        boolean same = evaluation(bundled, rerun, prefix, lines);
        return metrics(bundled, rerun, prefix, lines) && same;
    }

    private static boolean evaluation(Path bundled, Path rerun, String prefix, List<String> lines) throws IOException {
        Path a = bundled.resolve(RunFiles.EVALUATION);
        Path b = rerun.resolve(RunFiles.EVALUATION);
        if (!Files.isRegularFile(a)) {
            return true;
        }
        if (!Files.isRegularFile(b)) {
            lines.add(prefix + "evaluation.json: in the bundle, but the rerun wrote none");
            return false;
        }
        Map<String, Double> then = flatten(Json.readObject(a));
        Map<String, Double> now = flatten(Json.readObject(b));
        Set<String> keys = new LinkedHashSet<>(then.keySet());
        keys.addAll(now.keySet());
        List<String> found = new ArrayList<>();
        for (String key : keys) {
            Double x = then.get(key);
            Double y = now.get(key);
            if (x == null || y == null) {
                found.add(prefix + key + ": " + (x == null ? "absent" : x.toString()) + " in the bundle, "
                        + (y == null ? "absent" : y.toString()) + " now");
            } else if (Double.doubleToLongBits(x) != Double.doubleToLongBits(y)) {
                found.add(prefix + key + ": " + x + " in the bundle, " + y + " now");
            }
        }
        return list(found, prefix + "evaluation.json", lines);
    }

    private static boolean metrics(Path bundled, Path rerun, String prefix, List<String> lines) throws IOException {
        Path a = bundled.resolve(RunFiles.METRICS);
        Path b = rerun.resolve(RunFiles.METRICS);
        if (!Files.isRegularFile(a)) {
            return true;
        }
        if (!Files.isRegularFile(b)) {
            lines.add(prefix + "metrics.csv: in the bundle, but the rerun wrote none");
            return false;
        }
        CsvTable then = CsvTable.read(a);
        CsvTable now = CsvTable.read(b);
        List<String> found = new ArrayList<>();
        if (!then.header().equals(now.header())) {
            found.add(prefix + "metrics.csv columns: " + String.join(",", then.header()) + " in the bundle, "
                    + String.join(",", now.header()) + " now");
        }
        if (then.rows().size() != now.rows().size()) {
            found.add(prefix + "metrics.csv: " + then.rows().size() + " epochs in the bundle, " + now.rows().size()
                    + " now");
        }
        int rows = Math.min(then.rows().size(), now.rows().size());
        for (String column : then.header()) {
            if (!now.has(column)) {
                continue;
            }
            double[] x = then.numbers(column);
            double[] y = now.numbers(column);
            for (int r = 0; r < rows; r++) {
                if (Double.doubleToLongBits(x[r]) != Double.doubleToLongBits(y[r])) {
                    found.add(prefix + "metrics.csv row " + (r + 1) + " " + column + ": " + then.cell(r, column)
                            + " in the bundle, " + now.cell(r, column) + " now");
                }
            }
        }
        return list(found, prefix + "metrics.csv", lines);
    }

    private static boolean list(List<String> found, String file, List<String> lines) {
        lines.addAll(found.subList(0, Math.min(LIST_PER_FILE, found.size())));
        if (found.size() > LIST_PER_FILE) {
            lines.add(file + ": and " + (found.size() - LIST_PER_FILE) + " more differences");
        }
        return found.isEmpty();
    }

    /** Every number of a JSON object, nested ones by path. */
    static Map<String, Double> flatten(Map<String, Object> object) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        flatten("", object, numbers);
        return numbers;
    }

    private static void flatten(String path, Object value, Map<String, Double> numbers) {
        if (value instanceof Number n) {
            numbers.put(path, n.doubleValue());
        } else if (value instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                flatten(path.isEmpty() ? e.getKey().toString() : path + "." + e.getKey(), e.getValue(), numbers);
            }
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                flatten(path + "[" + i + "]", l.get(i), numbers);
            }
        }
    }

    /** Backend, hardware and bundle-version differences (informational). */
    static List<String> informational(Map<String, Object> then, Map<String, Object> now, String prefix) {
        List<String> lines = new ArrayList<>();
        Map<String, Object> b1 = FolderFiles.object(then, "backend");
        Map<String, Object> b2 = FolderFiles.object(now, "backend");
        for (String key : List.of("class", "kind", "nativeVariant", "threads")) {
            if (!Objects.equals(str(b1.get(key)), str(b2.get(key)))) {
                lines.add(prefix + "backend " + key + " (informational): " + b1.get(key) + " in the bundle, "
                        + b2.get(key) + " now");
            }
        }
        Object cpu1 = FolderFiles.object(then, "cpu").get("devices");
        Object cpu2 = FolderFiles.object(now, "cpu").get("devices");
        if (!Objects.equals(str(cpu1), str(cpu2))) {
            lines.add(prefix + "hardware (informational): " + cpu1 + " in the bundle, " + cpu2 + " now");
        }
        for (String key : List.of("name", "arch")) {
            Object o1 = FolderFiles.object(then, "os").get(key);
            Object o2 = FolderFiles.object(now, "os").get(key);
            if (!Objects.equals(str(o1), str(o2))) {
                lines.add(prefix + "os " + key + " (informational): " + o1 + " in the bundle, " + o2 + " now");
            }
        }
        Object j1 = FolderFiles.object(then, "jvm").get("version");
        Object j2 = FolderFiles.object(now, "jvm").get("version");
        if (!Objects.equals(str(j1), str(j2))) {
            lines.add(prefix + "Java (informational): " + j1 + " in the bundle, " + j2 + " now");
        }
        Map<String, String> v1 = versions(then);
        Map<String, String> v2 = versions(now);
        Set<String> names = new LinkedHashSet<>(v1.keySet());
        names.addAll(v2.keySet());
        for (String name : names) {
            if (!Objects.equals(v1.get(name), v2.get(name))) {
                lines.add(prefix + "bundle " + name + " (informational): " + orAbsent(v1.get(name)) + " in the bundle, "
                        + orAbsent(v2.get(name)) + " now");
            }
        }
        String d1 = FolderFiles.string(FolderFiles.object(then, "data"), "sha256");
        String d2 = FolderFiles.string(FolderFiles.object(now, "data"), "sha256");
        if (d1 != null && d2 != null && !d1.equals(d2)) {
            lines.add(prefix + "data SHA-256 of the examples as loaded: " + d1 + " in the bundle, " + d2 + " now");
        }
        return lines;
    }

    private static String orAbsent(String version) {
        return version == null ? "absent" : version;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Map<String, String> versions(Map<String, Object> provenance) {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Object o : FolderFiles.array(provenance, "bundles")) {
            if (o instanceof Map<?, ?> m && m.get("symbolicName") != null) {
                versions.put(m.get("symbolicName").toString(), String.valueOf(m.get("version")));
            }
        }
        return versions;
    }
}
