package org.cajal.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;

/**
 * Where one training step of a case's network spends its time, for the "why" under a ratio: the step as DL4J runs
 * it ({@code fit} on one mini-batch), the native operations it issues per step (counted with ND4J's op profiler,
 * by name), and the floor set by the arithmetic itself — the same matrix products the dense layers need, timed
 * alone. The difference between the step and the floor is what DL4J's per-operation execution costs (Java-side
 * bookkeeping, a JNI call and a libnd4j dispatch for each of the operations listed, the copies among them).
 *
 * <p>It uses the plain DL4J network (Cajal's runtime trains the same one: ratio Cajal/DL4J ≈ 1) on the first
 * mini-batch of the training data, repeated, so data loading is not part of it.
 */
final class StepProfile {

    private static final int WARM_UP_STEPS = 30;
    private static final int TIMED_STEPS = 150;
    private static final int COUNTED_STEPS = 20;
    private static final Pattern COUNTER_LINE = Pattern.compile("(\\S+)\\s+>>>\\s+\\[(\\d+)\\].*");

    private final PrintStream out;

    StepProfile(PrintStream out) {
        this.out = out;
    }

    void print(BenchCase benchCase, DataSet batch, long seed, double learningRate) {
        MultiLayerNetwork network = new MultiLayerNetwork(benchCase.dl4j(seed, learningRate));
        network.init();
        double stepMs = msPerStep(() -> network.fit(batch));
        Map<String, Long> opsPerStep = countOperations(network, batch);
        long total = opsPerStep.values().stream().mapToLong(Long::longValue).sum();
        out.printf("%s: where a training step goes (plain DL4J, one mini-batch of %d, %d steps): %.2f ms per step, "
                        + "%d native operations per step%n", benchCase.id(), batch.numExamples(), TIMED_STEPS, stepMs,
                total);
        out.println("  operations per step: " + describe(opsPerStep));
        if (benchCase == BenchCase.MLP) {
            double productsMs = denseProductsMs(network, (int) batch.numExamples());
            long others = total - opsPerStep.getOrDefault("matmul", 0L);
            out.printf("  the matrix products a dense network needs (forward, weight and input gradients, same shapes, "
                            + "same BLAS), timed alone: %.2f ms per step = %.0f%% of the step; the other %.2f ms are "
                            + "DL4J's own overhead plus the %d operations other than matmul above, about %.0f µs each%n",
                    productsMs, 100 * productsMs / stepMs, stepMs - productsMs, others,
                    1000 * (stepMs - productsMs) / Math.max(1, others));
        }
    }

    /** Runs {@code step} {@value #WARM_UP_STEPS} times untimed, then returns its mean over {@value #TIMED_STEPS} runs. */
    private static double msPerStep(Runnable step) {
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            step.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < TIMED_STEPS; i++) {
            step.run();
        }
        return (System.nanoTime() - t0) / 1e6 / TIMED_STEPS;
    }

    /**
     * Native operations per step by name, most frequent first, from ND4J's op profiler (its op counter, read from the
     * text it prints: the counter has no other accessor in M2.1).
     */
    private static Map<String, Long> countOperations(MultiLayerNetwork network, DataSet batch) {
        OpProfiler profiler = OpProfiler.getInstance();
        OpExecutioner executioner = Nd4j.getExecutioner();
        profiler.reset();
        executioner.setProfilingMode(OpExecutioner.ProfilingMode.OPERATIONS);
        String counted;
        try {
            for (int i = 0; i < COUNTED_STEPS; i++) {
                network.fit(batch);
            }
        } finally {
            executioner.setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
            counted = profiler.getOpCounter().asString();
            profiler.reset();
        }
        return perStep(counted, COUNTED_STEPS);
    }

    /** Parses the op counter's lines ({@code name  >>> [count] perc: [p]}) into counts per step, largest first. */
    static Map<String, Long> perStep(String counterText, int steps) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (String line : counterText.split("\\R")) {
            Matcher m = COUNTER_LINE.matcher(line.trim());
            if (m.matches()) {
                entries.add(Map.entry(m.group(1), Math.round(Long.parseLong(m.group(2)) / (double) steps)));
            }
        }
        entries.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> e.getValue()).reversed());
        Map<String, Long> perStep = new LinkedHashMap<>();
        entries.forEach(e -> perStep.put(e.getKey(), e.getValue()));
        return perStep;
    }

    static String describe(Map<String, Long> opsPerStep) {
        StringBuilder text = new StringBuilder();
        opsPerStep.forEach((name, count) -> {
            if (count > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(name).append(" ").append(count);
            }
        });
        return text.toString();
    }

    /**
     * Times, with the network's own weight shapes, the products a dense network needs per step: {@code x·W} forward,
     * {@code xᵀ·δ} for each weight gradient and {@code δ·Wᵀ} for each layer's input gradient but the first's.
     */
    private static double denseProductsMs(MultiLayerNetwork network, int batchSize) {
        List<INDArray> weights = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            INDArray w = layer.getParam("W");
            if (w != null && w.rank() == 2) {
                weights.add(w.dup());
            }
        }
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> deltas = new ArrayList<>();
        List<INDArray> gradients = new ArrayList<>();
        for (INDArray w : weights) {
            inputs.add(Nd4j.rand(DataType.FLOAT, batchSize, w.rows()));
            deltas.add(Nd4j.rand(DataType.FLOAT, batchSize, w.columns()));
            gradients.add(Nd4j.create(DataType.FLOAT, w.rows(), w.columns()));
        }
        Runnable step = () -> {
            for (int l = 0; l < weights.size(); l++) {
                inputs.get(l).mmul(weights.get(l));
                Nd4j.gemm(inputs.get(l), deltas.get(l), gradients.get(l), true, false, 1.0, 0.0);
                if (l > 0) {
                    deltas.get(l).mmul(weights.get(l).transpose());
                }
            }
        };
        return msPerStep(step);
    }
}
