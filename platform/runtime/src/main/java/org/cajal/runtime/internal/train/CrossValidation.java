package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summarises k-fold cross-validation: for every numeric metric, the mean over folds (as the top-level value, so
 * evaluation.json keeps its {@code accuracy} / {@code mse} keys) and the sample standard deviation, plus each
 * fold's own evaluation.
 */
final class CrossValidation {

    private CrossValidation() {
    }

    static Map<String, Object> summarise(List<Map<String, Object>> folds) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> sd = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : folds.get(0).entrySet()) {
            // numbers every fold has (a generative model's own evaluation need not give the same keys each time)
            if (e.getValue() instanceof Double && !"examples".equals(e.getKey())
                    && folds.stream().allMatch(f -> f.get(e.getKey()) instanceof Number)) {
                double[] values = folds.stream().mapToDouble(f -> ((Number) f.get(e.getKey())).doubleValue())
                        .toArray();
                out.put(e.getKey(), mean(values));
                sd.put(e.getKey(), sd(values));
            }
        }
        out.put("sd", sd);
        out.put("split", "k-fold");
        // every fold validates on its own rows: together, the non-test rows
        out.put("examples", folds.stream().mapToLong(f -> f.get("examples") instanceof Number n ? n.longValue() : 0)
                .sum());
        out.put("folds", folds);
        return out;
    }

    /**
     * evaluation.json's {@code training} for a k-fold run: {@code maxEpochs}, {@code epochsPerFold} (epochs each
     * fold ran) and {@code stoppedEarlyFolds} (the 1-based folds that early stopping ended), from each fold's own
     * {@code training}.
     */
    static Map<String, Object> training(List<Map<String, Object>> folds, int maxEpochs) {
        List<Integer> epochs = new ArrayList<>();
        List<Integer> stopped = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            Map<?, ?> t = folds.get(f).get("training") instanceof Map<?, ?> m ? m : Map.of();
            epochs.add(t.get("epochs") instanceof Number n ? n.intValue() : 0);
            if (Boolean.TRUE.equals(t.get("stoppedEarly"))) {
                stopped.add(f + 1);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maxEpochs", maxEpochs);
        out.put("epochsPerFold", epochs);
        out.put("stoppedEarlyFolds", stopped);
        return out;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample standard deviation (n − 1); 0 for a single value. */
    static double sd(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (values.length - 1));
    }
}
