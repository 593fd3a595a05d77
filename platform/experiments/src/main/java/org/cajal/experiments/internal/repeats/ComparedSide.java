package org.cajal.experiments.internal.repeats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.cajal.api.run.Evaluation;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.experiments.internal.exec.TrialLog;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * One side of a comparison: a repeats folder (scores keyed by seed, or by seed and fold for a k-fold pipeline) or
 * a k-fold run folder (scores keyed by fold), with the split its pipeline used.
 *
 * @param repeats whether it is a repeats folder (else a run folder)
 * @param scores pairing key ({@code seed 3}, {@code seed 3 fold 2}, {@code fold 2}) → evaluation numbers
 * @param seeds the seeds of the finished repeats, or the run's seed
 */
record ComparedSide(String label, Path path, boolean repeats, Map<String, Map<String, Double>> scores,
                    List<Long> seeds, double validation, double test, int folds) {

    static ComparedSide read(String label, Path path) throws IOException {
        if (Files.isRegularFile(path.resolve(ExperimentFiles.EXPERIMENT))) {
            return readRepeats(label, path);
        }
        if (Files.isRegularFile(path.resolve(RunFiles.EVALUATION))) {
            return readKFoldRun(label, path);
        }
        throw new IOException(label + " (" + path + ") is neither a repeats folder (with " + ExperimentFiles.EXPERIMENT
                + ") nor a run folder (with evaluation.json)");
    }

    /** A repeats folder: its finished repeats' scores by seed (and fold). */
    private static ComparedSide readRepeats(String label, Path path) throws IOException {
        JsonNode node = Json.readTree(path.resolve(ExperimentFiles.EXPERIMENT));
        String kind = node.path("kind").asText();
        if (!"repeats".equals(kind)) {
            throw new IOException(label + " (" + path + ") is a '" + kind + "' experiment; compare takes repeats "
                    + "folders (made by cajal repeat) or k-fold run folders");
        }
        JsonNode pipeline = node.path("pipeline");
        JsonNode split = pipeline.path("split");
        int folds = split.path("folds").asInt(0);
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        List<Long> seeds = new ArrayList<>();
        for (Trial t : TrialLog.open(path).read()) {
            if (!t.finished()) {
                continue;
            }
            seeds.add(t.seed());
            if (folds >= 2) {
                List<Map<String, Double>> list = RunOutcome.foldMetrics(evaluation(t.run()));
                for (int i = 0; i < list.size(); i++) {
                    scores.put("seed " + t.seed() + " fold " + (i + 1), list.get(i));
                }
            } else {
                scores.put("seed " + t.seed(), t.metrics());
            }
        }
        if (seeds.isEmpty()) {
            throw new IOException(label + " (" + path + ") has no finished repeats yet");
        }
        return new ComparedSide(label, path, true, scores, seeds, fraction(split, "validation"),
                fraction(split, "test"), folds);
    }

    /** A k-fold run folder: its folds' scores; the run must have finished every fold. */
    private static ComparedSide readKFoldRun(String label, Path path) throws IOException {
        List<Map<String, Double>> list = RunOutcome.foldMetrics(evaluation(path));
        if (list.size() < 2) {
            throw new IOException(label + " (" + path + ") is a hold-out run: one score cannot be tested. "
                    + "Run the pipeline with a k-fold split (\"split\": {\"folds\": 5}), or compare two repeats "
                    + "folders (cajal repeat FILE --times 5)");
        }
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            scores.put("fold " + (i + 1), list.get(i));
        }
        JsonNode pipeline = Files.isRegularFile(path.resolve(RunFiles.PIPELINE))
                ? Json.readTree(path.resolve(RunFiles.PIPELINE)) : Json.PRETTY.createObjectNode();
        JsonNode provenance = Files.isRegularFile(path.resolve(RunFiles.PROVENANCE))
                ? Json.readTree(path.resolve(RunFiles.PROVENANCE)) : Json.PRETTY.createObjectNode();
        long seed = provenance.path("seed").canConvertToLong() ? provenance.get("seed").asLong()
                : pipeline.path("seed").asLong(42);
        String status = provenance.path("status").asText(RunStatus.FINISHED.id());
        if (!RunStatus.FINISHED.id().equals(status)) {
            throw new IOException(label + " (" + path + ") did not finish (status " + status + "): its folds are "
                    + "not a complete cross-validation; run the pipeline again to the end");
        }
        JsonNode split = pipeline.path("split");
        // k as planned: it sets how much of the data each fold trained on (the test's n2/n1 = 1/(k − 1))
        int planned = split.path("folds").canConvertToInt() ? split.get("folds").asInt() : list.size();
        if (planned != list.size()) {
            throw new IOException(label + " (" + path + ") has " + list.size() + " fold evaluations but its "
                    + "pipeline asks for " + planned + " folds; run it again to the end");
        }
        return new ComparedSide(label, path, false, scores, List.of(seed), fraction(split, "validation"),
                fraction(split, "test"), planned);
    }

    /** A run's evaluation.json, which must exist. */
    private static Evaluation evaluation(Path run) throws IOException {
        Path file = run.resolve(RunFiles.EVALUATION);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": file not found");
        }
        return RunFolders.evaluation(run);
    }

    /** A split fraction, with the pipeline format's default (0.2) when the file leaves it out. */
    private static double fraction(JsonNode split, String key) {
        return split.path(key).isNumber() ? split.get(key).asDouble() : 0.2;
    }

    String describeSplit() {
        return folds >= 2 ? folds + "-fold" + (test > 0 ? String.format(Locale.ROOT, " after a %.2g test split", test) : "")
                : String.format(Locale.ROOT, "hold-out, validation %.2g, test %.2g", validation, test);
    }

    /**
     * n2 / n1 of the corrected test: examples scored over examples trained on in one pair. k-fold: 1 / (k − 1).
     * Hold-out: the evaluated split's fraction (test, or validation when there is no test split) over the
     * training fraction (1 − validation − test).
     */
    double testTrainRatio() throws IOException {
        if (folds >= 2) {
            return 1.0 / (folds - 1);
        }
        double train = 1 - validation - test;
        double scored = test > 0 ? test : validation;
        if (scored <= 0 || train <= 0) {
            throw new IOException(label + " (" + path + ") was evaluated on its training data (no test or validation"
                    + " split), which says nothing about generalisation; give the pipeline a test split");
        }
        return scored / train;
    }
}
