package org.cajal.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.trained.TrainedRun;
import org.cajal.explain.method.Feature;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The rows of one part of a run's split as the methods take them: raw feature rows, targets, and the dataset index
 * of each row; at most {@code max} rows, drawn with the seed when the part has more.
 */
record RunRows(String part, int[] indices, double[][] rows, double[][] targets) {

    static RunRows of(TrainedRun run, String part, int max, long seed) throws DatasetException {
        int[] all = run.rows(part);
        if (all.length == 0) {
            throw new IllegalArgumentException("the run's " + part + " part has no rows; choose another with --split");
        }
        int[] chosen = all.length <= max ? all : sample(all, max, seed);
        Examples e = run.read(chosen);
        double[][] rows = e.features().castTo(DataType.DOUBLE).reshape(chosen.length, -1).toDoubleMatrix();
        double[][] targets = e.targets().castTo(DataType.DOUBLE).reshape(chosen.length, -1).toDoubleMatrix();
        return new RunRows(part, chosen, rows, targets);
    }

    private static int[] sample(int[] all, int max, long seed) {
        int[] copy = all.clone();
        Random random = new Random(seed);
        for (int i = 0; i < max; i++) {
            int j = i + random.nextInt(copy.length - i);
            int t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        int[] out = Arrays.copyOf(copy, max);
        Arrays.sort(out);
        return out;
    }

    /** The run's raw features, each categorical one as one feature (its category index column). */
    static List<Feature> features(DataSchema schema) {
        if (schema.featureShape().size() != 1 || schema.featureNames().isEmpty()) {
            throw new IllegalStateException("explain works on tabular runs (one named feature per column); this "
                    + "run's inputs have shape " + schema.featureShape());
        }
        List<Feature> out = new ArrayList<>();
        for (int j = 0; j < schema.featureNames().size(); j++) {
            String name = schema.featureNames().get(j);
            out.add(new Feature(name, j, schema.featureCategories().getOrDefault(name, List.of())));
        }
        return out;
    }

    /** The names of the model's outputs: {@code p(<class>)} per class, or the target names. */
    static List<String> outputs(DataSchema schema) {
        return schema.targetKind().isClassification()
                ? schema.classLabels().stream().map(c -> "p(" + c + ")").toList() : schema.targetNames();
    }

    /** The position of a dataset index among the rows, or -1. */
    int position(int index) {
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] == index) {
                return i;
            }
        }
        return -1;
    }
}
