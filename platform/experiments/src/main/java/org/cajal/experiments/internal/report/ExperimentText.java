package org.cajal.experiments.internal.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.run.RunStatus;
import org.cajal.experiments.internal.store.ExperimentFiles;
import org.cajal.experiments.internal.store.FolderFiles;

/** The sentences of a methods paragraph that describe an experiment's design: repeats, search or sweep. */
final class ExperimentText {

    private ExperimentText() {
    }

    /** Repeats: how many runs, their seeds, what the seed determined, and how results are summarised. */
    static String repeats(Path folder, List<Map<String, Object>> trials, MethodsText.Inputs in) throws IOException {
        Map<String, Object> summary = FolderFiles.readObjectIfPresent(
                folder.resolve(org.cajal.api.run.ExperimentFiles.SUMMARY));
        List<String> seeds = new ArrayList<>();
        FolderFiles.array(summary, "seeds").forEach(s -> seeds.add(String.valueOf(s)));
        if (seeds.isEmpty()) {
            trials.forEach(t -> seeds.add(String.valueOf(t.get("seed"))));
        }
        int folds = summary.get("folds") instanceof Number n ? n.intValue() : 1;
        int n = seeds.size();
        StringBuilder b = new StringBuilder("The pipeline was run n = ").append(n).append(n == 1 ? " time" : " times")
                .append(" with ").append(n == 1 ? "seed " : "seeds ").append(MethodsText.join(seeds)).append(", ")
                .append("the seed determining ").append(MethodsText.seeded(in));
        if (folds > 1) {
            b.append(", each run with ").append(folds).append("-fold cross-validation (a run's result being the "
                    + "mean over its folds)");
        }
        return b.append("; results are reported as mean ± sd over the runs, with the 95% confidence interval of "
                + "the mean from Student's t distribution (n − 1 degrees of freedom), computed on the logit scale "
                + "for metrics between 0 and 1 (accuracy, F1, precision, recall) and on the log scale for losses "
                + "and errors, and transformed back, so that it stays within the metric's range.").toString();
    }

    /** A search: the method, the space, the budget and how the best was selected. */
    static String search(Map<String, Object> json, Map<String, Object> pipeline, List<Map<String, Object>> trials)
            throws IOException {
        Object method = ExperimentFiles.setting(json, "method");
        Map<String, Object> space = FolderFiles.object(FolderFiles.object(ExperimentFiles.settings(json), "search"),
                "parameters");
        if (space.isEmpty()) {
            space = FolderFiles.object(ExperimentFiles.settings(json), "parameters");
        }
        if (space.isEmpty()) {
            space = FolderFiles.object(FolderFiles.object(pipeline, "search"), "parameters");
        }
        List<String> dims = new ArrayList<>();
        for (Map.Entry<String, Object> e : space.entrySet()) {
            dims.add(e.getKey() + " " + dimension(e.getValue()));
        }
        long finished = trials.stream().filter(t -> RunStatus.FINISHED.id().equals(t.get("status"))).count();
        boolean grid = "grid".equals(method);
        Object objective = ExperimentFiles.setting(json, "objective");
        boolean min = ExperimentFiles.minimise(json);
        StringBuilder b = new StringBuilder("Hyperparameters were chosen by ")
                .append(grid ? "grid search" : "random search (Bergstra & Bengio, 2012)");
        if (!dims.isEmpty()) {
            b.append(" over ").append(MethodsText.join(dims));
        }
        b.append(" with ").append(trials.size()).append(trials.size() == 1 ? " trial" : " trials");
        if (finished != trials.size()) {
            b.append(" (").append(finished).append(" finished)");
        }
        b.append("; the configuration with the ").append(min ? "lowest " : "highest ")
                .append(objective == null ? "objective" : objective)
                .append(" on the validation data (the mean over folds with k-fold cross-validation) was selected, "
                        + "and the test split was not used for selection; in each trial the searched parameters "
                        + "replace the values given above.");
        return b.toString();
    }

    private static String dimension(Object spec) {
        if (!(spec instanceof Map<?, ?> m)) {
            return "= " + spec;
        }
        if (m.get("logUniform") instanceof List<?> r && r.size() == 2) {
            return "(log-uniform on [" + r.get(0) + ", " + r.get(1) + "]" + count(m) + ")";
        }
        if (m.get("uniform") instanceof List<?> r && r.size() == 2) {
            return "(uniform on [" + r.get(0) + ", " + r.get(1) + "]" + count(m) + ")";
        }
        if (m.get("range") instanceof List<?> r && r.size() == 2) {
            return "(integers from " + r.get(0) + " to " + r.get(1)
                    + (m.get("step") != null ? " in steps of " + m.get("step") : "") + ")";
        }
        if (m.get("choices") instanceof List<?> c) {
            return "(one of " + c.stream().map(String::valueOf).reduce((x, y) -> x + ", " + y).orElse("") + ")";
        }
        return "(" + m + ")";
    }

    private static String count(Map<?, ?> m) {
        return m.get("count") != null ? ", " + m.get("count") + " grid points" : "";
    }

    /** A sweep: the parameter, its values and the repeats per value. */
    static String sweep(Map<String, Object> json, List<Map<String, Object>> trials) {
        Object path = ExperimentFiles.setting(json, "path");
        List<String> values = new ArrayList<>();
        if (ExperimentFiles.setting(json, "values") instanceof List<?> v) {
            v.forEach(x -> values.add(String.valueOf(x)));
        }
        Object repeats = ExperimentFiles.setting(json, "repeats");
        int r = repeats instanceof Number n ? Math.max(1, n.intValue()) : 1;
        return "A capacity sweep varied " + (path == null ? "one parameter" : path)
                + (values.isEmpty() ? "" : " over the values " + MethodsText.join(values)) + ", with " + r
                + (r == 1 ? " seed" : " seeds") + " per value (" + trials.size()
                + " runs); training, validation and test error were recorded at each value.";
    }

    /** The seeds of an experiment's trials, and what they determined. */
    static String seeds(List<Map<String, Object>> trials, MethodsText.Inputs in) {
        Set<String> seeds = new LinkedHashSet<>();
        trials.forEach(t -> {
            if (t.get("seed") != null) {
                seeds.add(String.valueOf(t.get("seed")));
            }
        });
        if (seeds.isEmpty()) {
            return "";
        }
        String what = "; the seed determined " + MethodsText.seeded(in) + ".";
        if (seeds.size() == 1) {
            return "Every run used the seed " + seeds.iterator().next() + what;
        }
        List<String> list = new ArrayList<>(seeds);
        String shown = list.size() > 20 ? String.join(", ", list.subList(0, 20)) + ", …" : MethodsText.join(list);
        return "The runs used the seeds " + shown + what;
    }
}
