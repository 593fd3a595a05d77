package org.cajal.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Prints the measurements of one case: one row per training, then per side the pooled median seconds per epoch,
 * the ratios Cajal/DL4J and Cajal/PyTorch, the test accuracies and the difference Cajal − PyTorch in points.
 */
final class ResultTable {

    private static final String ROW = "%-5s %-7s %6s %9s %10s %9s %9s %9s  %s%n";

    private ResultTable() {
    }

    static void print(BenchCase benchCase, List<Measurement> all, PrintStream out) {
        if (all.isEmpty()) {
            out.println(benchCase.id() + ": no measurements");
            return;
        }
        String id = benchCase.id();
        out.printf(Locale.ROOT, ROW, "case", "side", "repeat", "s/epoch", "samples/s", "test acc", "params",
                "peak MiB", "epochs (s)");
        for (Measurement m : all) {
            out.printf(Locale.ROOT, ROW, id, m.side(), m.repeat(), fmt(m.secondsPerEpoch(), 2),
                    fmt(m.samplesPerSecond(), 0), fmt(m.testAccuracy(), 4), m.parameters(), mib(m.peakRssKib()),
                    m.epochSeconds().stream().map(s -> fmt(s, 2)).collect(Collectors.joining(" ")));
        }
        int epochs = all.get(0).epochSeconds().size();
        out.printf(Locale.ROOT, "%s: %d training examples per epoch; s/epoch = median of %s; median over every"
                        + " counted epoch of every repeat: cajal %s, dl4j %s, pytorch %s%n", id,
                all.get(0).trainExamples(), epochs < 3 ? "all " + epochs + " epochs" : "epochs 2.." + epochs,
                fmt(pooledSecondsPerEpoch(all, CajalSide.NAME), 2), fmt(pooledSecondsPerEpoch(all, Dl4jSide.NAME), 2),
                fmt(pooledSecondsPerEpoch(all, PythonSide.NAME), 2));
        out.printf(Locale.ROOT, "%s: ratio cajal/dl4j = %s, cajal/pytorch = %s (time per epoch: above 1 = Cajal"
                        + " slower)%n", id, fmt(ratio(all, CajalSide.NAME, Dl4jSide.NAME), 3),
                fmt(ratio(all, CajalSide.NAME, PythonSide.NAME), 3));
        out.printf(Locale.ROOT, "%s: test accuracy after epoch %d (mean over repeats): cajal %s, dl4j %s, pytorch"
                        + " %s; cajal - pytorch = %s points%n", id, epochs, fmt(meanAccuracy(all, CajalSide.NAME), 4),
                fmt(meanAccuracy(all, Dl4jSide.NAME), 4), fmt(meanAccuracy(all, PythonSide.NAME), 4),
                signed(accuracyDifferencePoints(all, CajalSide.NAME, PythonSide.NAME), 2));
        out.printf(Locale.ROOT, "%s: peak RSS: cajal and dl4j share this JVM, whose VmHWM is reset before each"
                + " training (a row is that training's peak, with what earlier ones left resident; process peak"
                + " now %s MiB); pytorch is its own process (its own VmHWM)%n", id, mib(ProcessMemory.peakKib()));
    }

    /** The median of every counted epoch (2..N) of every repeat of one side; NaN if the side has none. */
    static double pooledSecondsPerEpoch(List<Measurement> all, String side) {
        List<Double> epochs = new ArrayList<>();
        all.stream().filter(m -> m.side().equals(side)).forEach(m -> epochs.addAll(m.countedEpochs()));
        return Measurement.median(epochs);
    }

    /** Pooled seconds per epoch of {@code side} over those of {@code other}: above 1, {@code side} is slower. */
    static double ratio(List<Measurement> all, String side, String other) {
        return pooledSecondsPerEpoch(all, side) / pooledSecondsPerEpoch(all, other);
    }

    /** The mean test accuracy of one side's trainings; NaN if it has none. */
    static double meanAccuracy(List<Measurement> all, String side) {
        return all.stream().filter(m -> m.side().equals(side)).mapToDouble(Measurement::testAccuracy).average()
                .orElse(Double.NaN);
    }

    /** (mean accuracy of {@code side} − that of {@code other}) × 100: percentage points. */
    static double accuracyDifferencePoints(List<Measurement> all, String side, String other) {
        return (meanAccuracy(all, side) - meanAccuracy(all, other)) * 100;
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String signed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    static String mib(long kib) {
        return kib < 0 ? "-" : Long.toString(Math.round(kib / 1024.0));
    }
}
