package org.cajal.bench.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the small case's figures: one row per training (training seconds, steps, steps per second, the whole
 * process's wall time, the test metric, parameters), then per workload the medians per side and the ratios
 * Cajal/DL4J and Cajal/PyTorch; then one row per experiment and side (trials, wall time, trials per minute) and the
 * experiments' ratios. Ratios are of times: above 1, Cajal is slower.
 */
final class SmallTable {

    private static final String ROW = "%-13s %-7s %6s %8s %7s %8s %9s  %-18s %7s%n";
    private static final String EXPERIMENT_ROW = "%-10s %-9s %-7s %6s %8s %8s %10s %9s  %s%n";

    private SmallTable() {
    }

    /**
     * One experiment of one side.
     *
     * @param experiment {@code repeats} or {@code search}
     * @param trials trainings it ran
     * @param parallel trials at once (Cajal: the most that overlapped, from the trials' provenance.json start and
     *        end times; 1 for the DL4J and PyTorch loops; -1 unknown)
     * @param wallSeconds Cajal and PyTorch: the whole process, launch to exit; DL4J: the loop in this JVM
     * @param trainSeconds the trainings' own training seconds added up, NaN where not known (Cajal's children)
     * @param testMetric {@code accuracy} or {@code mse}
     * @param tests each trial's test value, in trial order
     */
    record Experiment(String experiment, String workload, String side, int trials, int parallel, double wallSeconds,
                      double trainSeconds, String testMetric, List<Double> tests) {

        Experiment {
            tests = List.copyOf(tests);
        }

        /** The trials' mean test value, over those that have one. */
        double meanTest() {
            return tests.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
        }

        double trialsPerMinute() {
            return trials / wallSeconds * 60;
        }
    }

    static void printRuns(List<SmallRun> all, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "workload", "side", "repeat", "train s", "steps", "steps/s", "process s",
                "test", "params");
        for (SmallRun r : all) {
            out.printf(Locale.ROOT, ROW, r.workload(), r.side(), r.repeat(), ResultTable.fmt(r.trainSeconds(), 2),
                    r.steps(), ResultTable.fmt(r.stepsPerSecond(), 0), ResultTable.fmt(r.processSeconds(), 2),
                    r.testMetric() + " " + ResultTable.fmt(r.testValue(), 4), r.parameters());
        }
    }

    /** The summary lines of one workload: medians per side and the ratios. */
    static void printWorkload(String workload, List<SmallRun> all, PrintStream out) {
        List<SmallRun> runs = all.stream().filter(r -> r.workload().equals(workload)).toList();
        if (runs.isEmpty()) {
            return;
        }
        out.printf(Locale.ROOT, "%s: %d steps per training; train s (median): cajal %s, dl4j %s, pytorch %s;"
                        + " ratio cajal/dl4j = %s, cajal/pytorch = %s%n", workload, runs.get(0).steps(),
                ResultTable.fmt(median(runs, SmallCajal.NAME, false), 3),
                ResultTable.fmt(median(runs, SmallDl4j.NAME, false), 3),
                ResultTable.fmt(median(runs, SmallPython.NAME, false), 3),
                ResultTable.fmt(ratio(runs, SmallCajal.NAME, SmallDl4j.NAME, false), 2),
                ResultTable.fmt(ratio(runs, SmallCajal.NAME, SmallPython.NAME, false), 2));
        out.printf(Locale.ROOT, "%s: process s, launch to exit (median): cajal %s, pytorch %s; ratio cajal/pytorch"
                        + " = %s%n", workload, ResultTable.fmt(median(runs, SmallCajal.NAME, true), 2),
                ResultTable.fmt(median(runs, SmallPython.NAME, true), 2),
                ResultTable.fmt(ratio(runs, SmallCajal.NAME, SmallPython.NAME, true), 2));
    }

    static void printExperiments(List<Experiment> all, PrintStream out) {
        out.printf(Locale.ROOT, EXPERIMENT_ROW, "experiment", "workload", "side", "trials", "parallel", "wall s",
                "trials/min", "train s", "mean test");
        for (Experiment e : all) {
            out.printf(Locale.ROOT, EXPERIMENT_ROW, e.experiment(), e.workload(), e.side(), e.trials(),
                    e.parallel() < 0 ? "-" : Integer.toString(e.parallel()), ResultTable.fmt(e.wallSeconds(), 2),
                    ResultTable.fmt(e.trialsPerMinute(), 1), ResultTable.fmt(e.trainSeconds(), 2),
                    e.testMetric() + " " + ResultTable.fmt(e.meanTest(), 4));
        }
        for (String experiment : all.stream().map(Experiment::experiment).distinct().toList()) {
            List<Experiment> of = all.stream().filter(e -> e.experiment().equals(experiment)).toList();
            out.printf(Locale.ROOT, "%s: trials per minute: %s; wall-time ratio cajal/pytorch = %s, cajal/dl4j = %s"
                            + " (above 1: Cajal slower)%n", experiment,
                    of.stream().map(e -> e.side() + " " + ResultTable.fmt(e.trialsPerMinute(), 1))
                            .collect(Collectors.joining(", ")),
                    ResultTable.fmt(wallRatio(of, SmallCajal.NAME, SmallPython.NAME), 2),
                    ResultTable.fmt(wallRatio(of, SmallCajal.NAME, SmallDl4j.NAME), 2));
        }
    }

    /** The median training seconds (or process seconds) of one side's runs; NaN if it has none. */
    static double median(List<SmallRun> runs, String side, boolean process) {
        return Measurement.median(runs.stream().filter(r -> r.side().equals(side))
                .map(r -> process ? r.processSeconds() : r.trainSeconds()).filter(v -> !Double.isNaN(v)).toList());
    }

    /** Median time of {@code side} over that of {@code other}: above 1, {@code side} is slower. */
    static double ratio(List<SmallRun> runs, String side, String other, boolean process) {
        return median(runs, side, process) / median(runs, other, process);
    }

    /** Wall time per trial of {@code side} over that of {@code other}; NaN when either is missing. */
    static double wallRatio(List<Experiment> experiments, String side, String other) {
        double a = perTrial(experiments, side);
        double b = perTrial(experiments, other);
        return a / b;
    }

    private static double perTrial(List<Experiment> experiments, String side) {
        return experiments.stream().filter(e -> e.side().equals(side)).mapToDouble(e -> e.wallSeconds() / e.trials())
                .findFirst().orElse(Double.NaN);
    }
}
