package org.cajal.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cajal.api.data.DatasetException;

/**
 * The small case's experiments, each side once: a repeats experiment over seeds (Cajal: {@code cajal repeat FILE
 * --times N}, seeds S..S+N-1 from the pipeline's seed S) and a random search ({@code cajal search FILE}, the
 * pipeline's search section), against the same trainings written as one loop — in this JVM with DL4J
 * ({@link SmallDl4j}, timed around the whole loop including each repeat's data preparation) and in one PyTorch
 * process ({@link SmallPython}, timed from launch to exit). The search's DL4J and PyTorch trials take the very
 * parameter values Cajal's search drew (its {@code trials.jsonl}); without a Cajal side they are drawn here from
 * the search section ({@link #draw}). Trials per minute = trials / wall time.
 */
final class SmallExperiments {

    /** The DL4J side's preparation of one repeat's data, done inside its timed loop. */
    interface Preparation {
        TabularData.Prepared prepare(PreparedWorkload w) throws DatasetException;
    }

    private final SmallCajal cajal;
    private final Optional<SmallPython> pytorch;
    private final Path work;
    private final PrintStream out;

    SmallExperiments(SmallCajal cajal, Optional<SmallPython> pytorch, Path work, PrintStream out) {
        this.cajal = cajal;
        this.pytorch = pytorch;
        this.work = work;
        this.out = out;
    }

    /** The repeats experiment over the given seeds (one prepared workload per seed, the first the pipeline's). */
    List<SmallTable.Experiment> repeats(List<PreparedWorkload> seeds, List<String> sides, Preparation dl4jData)
            throws IOException, DatasetException, InterruptedException {
        PreparedWorkload base = seeds.get(0);
        String workload = base.id().id();
        List<SmallTable.Experiment> results = new ArrayList<>();
        for (String side : sides) {
            SmallTable.Experiment e = switch (side) {
                case SmallCajal.NAME -> cajal("repeats", base, List.of("repeat", base.file().toString(), "--times",
                        Integer.toString(seeds.size())));
                case SmallDl4j.NAME -> {
                    long t0 = System.nanoTime();
                    List<SmallRun> runs = new ArrayList<>();
                    for (PreparedWorkload w : seeds) {
                        runs.add(SmallDl4j.train(workload, 1, w.net(), dl4jData.prepare(w), w.seed()));
                    }
                    yield loop("repeats", base, SmallDl4j.NAME, runs, (System.nanoTime() - t0) / 1e9);
                }
                default -> {
                    List<ObjectNode> jobs = new ArrayList<>();
                    for (PreparedWorkload w : seeds) {
                        jobs.add(SmallPython.run(workload + " seed " + w.seed(), w.seed(), w.net(), w.dataFolder(),
                                w.prepared().classes(), w.prepared().train().size()));
                    }
                    yield python("repeats", base, jobs);
                }
            };
            if (e != null) {
                results.add(progress(e));
            }
        }
        return results;
    }

    /**
     * The random search: Cajal's first (its trials' values are the other sides' trials), then DL4J and PyTorch.
     *
     * @param trials trials to run; 0 takes the search section's
     */
    List<SmallTable.Experiment> search(PreparedWorkload base, int trials, List<String> sides)
            throws IOException, InterruptedException {
        JsonNode section = base.pipeline().path("search");
        int count = trials > 0 ? trials : section.path("trials").asInt(8);
        List<SmallTable.Experiment> results = new ArrayList<>();
        List<Map<String, Object>> points = null;
        if (sides.contains(SmallCajal.NAME)) {
            List<String> args = new ArrayList<>(List.of("search", base.file().toString(), "--trials",
                    Integer.toString(count)));
            Path runs = Files.createTempDirectory(work, "search-");
            SmallTable.Experiment e = cajal("search", base, args, runs);
            if (e != null) {
                results.add(progress(e));
                points = SmallCajal.trials(runs).stream().map(SmallCajal.TrialLine::params).toList();
            }
        }
        if (points == null) {
            points = draw(section, count);
            out.println("  search: the dl4j and pytorch trials are drawn by the bench from the search section (no"
                    + " Cajal search to take them from)");
        }
        List<SmallNetwork> nets = new ArrayList<>();
        for (Map<String, Object> point : points) {
            nets.add(SmallNetwork.of(SmallNetwork.withTrial(base.pipeline(), point)));
        }
        if (sides.contains(SmallDl4j.NAME)) {
            long t0 = System.nanoTime();
            List<SmallRun> runs = new ArrayList<>();
            for (SmallNetwork net : nets) {
                runs.add(SmallDl4j.train(base.id().id(), 1, net, base.prepared(), base.seed()));
            }
            results.add(progress(loop("search", base, SmallDl4j.NAME, runs, (System.nanoTime() - t0) / 1e9)));
        }
        if (sides.contains(SmallPython.NAME)) {
            List<ObjectNode> jobs = new ArrayList<>();
            for (int i = 0; i < nets.size(); i++) {
                jobs.add(SmallPython.run(base.id().id() + " trial " + (i + 1), base.seed(), nets.get(i),
                        base.dataFolder(), base.prepared().classes(), base.prepared().train().size()));
            }
            SmallTable.Experiment e = python("search", base, jobs);
            if (e != null) {
                results.add(progress(e));
            }
        }
        return results;
    }

    private SmallTable.Experiment cajal(String experiment, PreparedWorkload base, List<String> args)
            throws IOException, InterruptedException {
        return cajal(experiment, base, args, Files.createTempDirectory(work, experiment + "-"));
    }

    /** {@code bin/cajal ARGS --out RUNS}, its trials read back from the experiment folder; null after a failure. */
    private SmallTable.Experiment cajal(String experiment, PreparedWorkload base, List<String> args, Path runs)
            throws IOException, InterruptedException {
        ChildProcess p;
        try {
            p = cajal.command(args, runs, work);
        } catch (IOException e) {
            out.println("  " + experiment + " cajal failed, left out: " + e.getMessage());
            return null;
        }
        List<SmallCajal.TrialLine> trials = SmallCajal.trials(runs);
        String metric = base.testMetric();
        return new SmallTable.Experiment(experiment, base.id().id(), SmallCajal.NAME, trials.size(),
                SmallCajal.observedParallel(runs), p.seconds(), Double.NaN, metric,
                trials.stream().map(t -> t.metrics().getOrDefault(metric, Double.NaN)).toList());
    }

    private static SmallTable.Experiment loop(String experiment, PreparedWorkload base, String side,
                                              List<SmallRun> runs, double wallSeconds) {
        return new SmallTable.Experiment(experiment, base.id().id(), side, runs.size(), 1, wallSeconds,
                runs.stream().mapToDouble(SmallRun::trainSeconds).sum(), base.testMetric(),
                runs.stream().map(SmallRun::testValue).toList());
    }

    /** One PyTorch process for all the trainings; null when there is no PyTorch or it failed. */
    private SmallTable.Experiment python(String experiment, PreparedWorkload base, List<ObjectNode> jobs)
            throws IOException, InterruptedException {
        if (pytorch.isEmpty()) {
            return null;
        }
        SmallPython.Batch batch;
        try {
            batch = pytorch.get().run(jobs, work.resolve("job-" + experiment + ".json"));
        } catch (IOException e) {
            out.println("  " + experiment + " pytorch failed, left out: " + e.getMessage());
            return null;
        }
        List<SmallRun> runs = batch.runs().stream()
                .map(r -> SmallPython.measurement(r, base.id().id(), 1, batch.processSeconds())).toList();
        return loop(experiment, base, SmallPython.NAME, runs, batch.processSeconds());
    }

    private SmallTable.Experiment progress(SmallTable.Experiment e) {
        out.printf(Locale.ROOT, "  %s %s: %d trials in %s s (%s trials/min), test %s per trial %s%n",
                e.experiment(), e.side(), e.trials(), ResultTable.fmt(e.wallSeconds(), 2),
                ResultTable.fmt(e.trialsPerMinute(), 1), e.testMetric(),
                e.tests().stream().map(v -> ResultTable.fmt(v, 4)).collect(Collectors.joining(" ")));
        out.flush();
        return e;
    }

    /**
     * {@code count} random trials drawn from a search section's parameters, each independently with a
     * {@link Random} seeded with the section's {@code seed} (default 1): {@code logUniform [a, b]} (uniform in
     * log space), {@code uniform [a, b]}, {@code choices [...]}. The same kinds of draw as Cajal's random search,
     * not its random sequence: used only when there is no Cajal search to copy the values from.
     */
    static List<Map<String, Object>> draw(JsonNode section, int count) {
        Random random = new Random(section.path("seed").asLong(1));
        List<Map<String, Object>> points = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = section.path("parameters").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                point.put(p.getKey(), drawOne(p.getKey(), p.getValue(), random));
            }
            points.add(point);
        }
        return points;
    }

    private static Object drawOne(String path, JsonNode spec, Random random) {
        if (spec.has("logUniform")) {
            double lo = Math.log(spec.get("logUniform").get(0).asDouble());
            double hi = Math.log(spec.get("logUniform").get(1).asDouble());
            return Math.exp(lo + random.nextDouble() * (hi - lo));
        }
        if (spec.has("uniform")) {
            double lo = spec.get("uniform").get(0).asDouble();
            return lo + random.nextDouble() * (spec.get("uniform").get(1).asDouble() - lo);
        }
        if (spec.has("choices")) {
            JsonNode choice = spec.get("choices").get(random.nextInt(spec.get("choices").size()));
            return choice.isIntegralNumber() ? (Object) choice.asInt() : choice.isNumber() ? choice.asDouble()
                    : choice.asText();
        }
        throw new IllegalArgumentException("$.search.parameters['" + path + "']: the bench draws logUniform,"
                + " uniform and choices only");
    }
}
