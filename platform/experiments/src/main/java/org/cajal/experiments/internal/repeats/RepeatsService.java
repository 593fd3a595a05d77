package org.cajal.experiments.internal.repeats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.Comparison;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.Statistics;
import org.cajal.experiments.Summary;
import org.cajal.experiments.internal.exec.ExperimentSetup;
import org.cajal.experiments.internal.exec.TrialExecutor;
import org.cajal.experiments.internal.exec.TrialSpec;
import org.cajal.experiments.internal.search.PipelineTree;
import org.cajal.experiments.internal.search.SearchSpace;
import org.cajal.runfolder.CsvTable;
import org.cajal.runfolder.Json;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.internal.exec.DistributionTarget;
import org.cajal.launcher.spi.TrialDistributor;

/**
 * Repeats over seeds (see {@link RepeatsFiles} for what summary.json and curves.csv hold, k-fold included) and
 * the corrected resampled t-test between two configurations (see {@link #compare}). A repeat runs the pipeline
 * file as it is, without its search section if it has one.
 */
@Component(service = Repeats.class)
public class RepeatsService implements Repeats {

    @Reference
    PipelineFormat format;

    @Reference
    PipelineCheck check;

    @Reference
    PipelineExecutor executor;

    /** Where repeats go when no runs directory is given. */
    @Reference
    RunStore store;

    /** The launcher's distributed engine (Spark), registered only when its jars are on the class path. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TrialDistributor distributor;

    /** For tests and the workbench outside OSGi. */
    public RepeatsService(PipelineFormat format, PipelineCheck check, PipelineExecutor executor) {
        this.format = format;
        this.check = check;
        this.executor = executor;
    }

    /** For Declarative Services. */
    public RepeatsService() {
    }

    @Override
    public Experiment repeat(PipelineSource pipeline, Path runsDirectory, int times, long firstSeed, int parallel,
                             ExperimentListener listener) throws PipelineException {
        return repeat(pipeline, runsDirectory, times, firstSeed, parallel, null, listener);
    }

    @Override
    public Experiment repeat(PipelineSource pipeline, Path runsDirectory, int times, long firstSeed, int parallel,
                             Cluster cluster, ExperimentListener listener) throws PipelineException {
        List<Problem> problems = new ArrayList<>();
        if (times < 1) {
            problems.add(new Problem("--times", "must be at least 1 (the number of seeds), got " + times));
        }
        if (parallel < 1) {
            problems.add(new Problem("--parallel", "must be at least 1, got " + parallel));
        }
        if (!problems.isEmpty()) {
            throw new PipelineException(pipeline.source(), problems);
        }
        PipelineTree tree = PipelineTree.of(pipeline);
        String text = tree.withoutSearch();
        PipelineDocument doc = format.parse(text, pipeline.source(), pipeline.baseDirectory());
        List<Problem> found = check.validate(doc);
        if (!found.isEmpty()) {
            throw new PipelineException(pipeline.source(), found);
        }
        DistributionTarget target = DistributionTarget.of(cluster, distributor, executor, pipeline.source());
        int folds = doc.pipeline().split().isKFold() ? doc.pipeline().split().folds() : 1;
        List<TrialSpec> specs = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            specs.add(new TrialSpec(i + 1, Map.of(), firstSeed + i, doc));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("times", times);
        settings.put("firstSeed", firstSeed);
        Path runs = ExperimentSetup.runsDirectory(runsDirectory, store);
        try {
            ExperimentSetup.Prepared prepared = ExperimentSetup.prepare(runs, "repeats", tree.name(), pipeline.json(),
                    pipeline.source(), settings, specs.size());
            return TrialExecutor.start(executor, new TrialExecutor.Config(prepared.folder(), specs, parallel, null, target),
                    listener, new RepeatsFiles(prepared.folder(), folds));
        } catch (IOException e) {
            throw new PipelineException(pipeline.source(), new Problem("runs folder " + runs, e.getMessage()));
        }
    }

    @Override
    public RepeatSummary summary(Path experimentFolder) throws IOException {
        Path file = experimentFolder.resolve(ExperimentFiles.SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw new IOException(experimentFolder + " has no " + ExperimentFiles.SUMMARY
                    + ": not a repeats folder, or no repeat has finished yet");
        }
        JsonNode root = Json.readTree(file);
        List<Long> seeds = new ArrayList<>();
        root.path("seeds").forEach(s -> seeds.add(s.asLong()));
        Map<String, Summary> metrics = new LinkedHashMap<>();
        root.path("metrics").fields().forEachRemaining(e -> {
            JsonNode m = e.getValue();
            metrics.put(e.getKey(), new Summary(m.path("n").asInt(), m.path("mean").asDouble(Double.NaN),
                    m.path("sd").asDouble(Double.NaN), m.path("ciLow").asDouble(Double.NaN),
                    m.path("ciHigh").asDouble(Double.NaN)));
        });
        return new RepeatSummary(experimentFolder, seeds, root.path("folds").asInt(1), metrics,
                readCurves(experimentFolder.resolve(ExperimentFiles.CURVES)));
    }

    private static Map<String, List<Summary>> readCurves(Path file) throws IOException {
        Map<String, List<Summary>> curves = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return curves;
        }
        CsvTable table = CsvTable.read(file);
        List<String> header = table.header();
        for (int c = 1; c + 3 < header.size(); c += 4) {
            String name = header.get(c).substring(0, header.get(c).length() - "_mean".length());
            List<Summary> band = new ArrayList<>();
            for (List<String> cells : table.rows()) {
                double n = CsvTable.number(cells.get(c + 3));
                band.add(new Summary(Double.isNaN(n) ? 0 : (int) n, CsvTable.number(cells.get(c)), Double.NaN,
                        CsvTable.number(cells.get(c + 1)), CsvTable.number(cells.get(c + 2))));
            }
            curves.put(name, band);
        }
        return curves;
    }

    /**
     * Pairs the two sides' scores and runs {@link Statistics#correctedResampledTTest}. Repeats folders pair by
     * seed (k-fold pipelines: by seed and fold, so n = repeats × k); k-fold run folders pair by fold and must have
     * used the same seed (the seed decides which examples fall in which fold). Both sides must use the same
     * split. The test/train ratio is taken from that split ({@link ComparedSide#testTrainRatio}); whether higher
     * is better from the metric's name (loss, mse, mae, rmse, error: lower is better).
     */
    @Override
    public Comparison compare(Path a, Path b, String metric) throws IOException {
        ComparedSide sa = ComparedSide.read("A", a);
        ComparedSide sb = ComparedSide.read("B", b);
        if (sa.repeats() != sb.repeats()) {
            throw new IOException("A is " + (sa.repeats() ? "a repeats folder" : "a k-fold run") + " and B is "
                    + (sb.repeats() ? "a repeats folder" : "a k-fold run") + ": pair repeats folders with repeats "
                    + "folders (same seeds), or k-fold runs with k-fold runs (same seed and folds)");
        }
        if (sa.folds() != sb.folds() || Math.abs(sa.validation() - sb.validation()) > 1e-12
                || Math.abs(sa.test() - sb.test()) > 1e-12) {
            throw new IOException("the splits differ (A: " + sa.describeSplit() + "; B: " + sb.describeSplit()
                    + "): the test pairs scores measured on the same examples; give both pipelines the same split");
        }
        if (!sa.repeats() && !sa.seeds().equals(sb.seeds())) {
            throw new IOException("A was run with seed " + sa.seeds().get(0) + " and B with seed " + sb.seeds().get(0)
                    + ": their folds hold different examples, so fold i of A cannot be paired with fold i of B; "
                    + "run both with the same seed (cajal run FILE --seed N)");
        }
        if (sa.repeats() && !new TreeSet<>(sa.seeds()).equals(new TreeSet<>(sb.seeds()))) {
            throw new IOException("A's finished repeats have seeds " + new TreeSet<>(sa.seeds()) + " and B's "
                    + new TreeSet<>(sb.seeds()) + ": repeats are paired by seed, so both need the same seeds; "
                    + "run both with the same --seed and --times (and let failed repeats finish)");
        }
        if (!sa.scores().keySet().equals(sb.scores().keySet())) {
            throw new IOException("A has " + sa.scores().keySet() + " and B has " + sb.scores().keySet()
                    + ": the folds do not match; give both pipelines the same split");
        }
        String m = metric != null ? metric : firstCommon(sa, sb);
        if (m == null) {
            throw new IOException("A and B have no evaluation number in common in every " + (sa.repeats() ? "repeat"
                    : "fold"));
        }
        List<String> keys = new ArrayList<>(sa.scores().keySet());
        double[] va = new double[keys.size()];
        double[] vb = new double[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            Double x = sa.scores().get(keys.get(i)).get(m);
            Double y = sb.scores().get(keys.get(i)).get(m);
            if (x == null || y == null || !Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IOException("'" + m + "' is missing in " + (x == null || !Double.isFinite(x) ? "A" : "B")
                        + " for " + keys.get(i) + "; metrics both have: " + commonNames(sa, sb));
            }
            va[i] = x;
            vb[i] = y;
        }
        if (keys.size() < 2) {
            throw new IOException("only one pair (" + keys.get(0) + "): the test needs at least two; use more seeds "
                    + "(cajal repeat --times 5) or folds");
        }
        return Statistics.correctedResampledTTest(va, vb, sa.testTrainRatio(), m, !SearchSpace.lowerIsBetter(m));
    }

    private static String firstCommon(ComparedSide a, ComparedSide b) {
        List<String> names = commonNames(a, b);
        return names.isEmpty() ? null : names.get(0);
    }

    private static List<String> commonNames(ComparedSide a, ComparedSide b) {
        List<String> names = new ArrayList<>(a.scores().values().iterator().next().keySet());
        for (Map<String, Double> s : a.scores().values()) {
            names.retainAll(s.keySet());
        }
        for (Map<String, Double> s : b.scores().values()) {
            names.retainAll(s.keySet());
        }
        return names;
    }
}
