package org.cajal.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the measurements of one case: one row per training, then per side the median and the Cajal/DL4J ratio. */
final class ResultTable {

    private static final String ROW = "%-5s %-6s %6s %9s %10s %9s %9s %9s  %s%n";

    private ResultTable() {
    }

    static void print(BenchCase benchCase, List<Measurement> all, PrintStream out) {
        out.printf(Locale.ROOT, ROW, "case", "side", "repeat", "s/epoch", "samples/s", "test acc", "params",
                "peak MiB", "epochs (s)");
        for (Measurement m : all) {
            out.printf(Locale.ROOT, ROW, benchCase.id(), m.side(), m.repeat(), fmt(m.secondsPerEpoch(), 2),
                    fmt(m.samplesPerSecond(), 0), fmt(m.testAccuracy(), 4), m.parameters(), mib(m.peakRssKib()),
                    m.epochSeconds().stream().map(s -> fmt(s, 2)).collect(Collectors.joining(" ")));
        }
        double cajal = pooledSecondsPerEpoch(all, CajalSide.NAME);
        double dl4j = pooledSecondsPerEpoch(all, Dl4jSide.NAME);
        long examples = all.get(0).trainExamples();
        out.printf(Locale.ROOT, "%s: %d training examples per epoch; median s/epoch over all counted epochs:"
                        + " cajal %s, dl4j %s; ratio cajal/dl4j = %s%n", benchCase.id(), examples, fmt(cajal, 2),
                fmt(dl4j, 2), fmt(cajal / dl4j, 3));
        out.printf(Locale.ROOT, "%s: process peak RSS %s MiB (VmHWM: one number for the whole JVM, both sides"
                + " included)%n", benchCase.id(), mib(ProcessMemory.peakKib()));
    }

    /** The median of every counted epoch (2..N) of every repeat of one side. */
    static double pooledSecondsPerEpoch(List<Measurement> all, String side) {
        List<Double> epochs = new ArrayList<>();
        all.stream().filter(m -> m.side().equals(side)).forEach(m -> epochs.addAll(m.countedEpochs()));
        return Measurement.median(epochs);
    }

    static String fmt(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String mib(long kib) {
        return kib < 0 ? "-" : Long.toString(Math.round(kib / 1024.0));
    }
}
