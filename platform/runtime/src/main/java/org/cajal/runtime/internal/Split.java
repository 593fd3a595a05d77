package org.cajal.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.SplitSpec;

/**
 * A hold-out split of example indices into train, validation and test, shuffled with the pipeline's seed and,
 * for classification, stratified so each split keeps the class proportions.
 */
record Split(int[] train, int[] validation, int[] test) {

    static Split of(Dataset dataset, SplitSpec spec, long seed) throws DatasetException {
        Random random = new Random(seed);
        List<List<Integer>> groups = spec.stratify() && dataset.schema().targetKind().isClassification()
                ? byClass(dataset) : List.of(range(dataset.size()));
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : groups) {
            java.util.Collections.shuffle(group, random);
            int n = group.size();
            int nTest = (int) Math.round(n * spec.test());
            int nValidation = (int) Math.round(n * spec.validation());
            if (nTest + nValidation >= n) {
                nTest = Math.min(nTest, Math.max(0, n - 1));
                nValidation = Math.max(0, n - 1 - nTest);
            }
            test.addAll(group.subList(0, nTest));
            validation.addAll(group.subList(nTest, nTest + nValidation));
            train.addAll(group.subList(nTest + nValidation, n));
        }
        return new Split(shuffled(train, random), shuffled(validation, random), shuffled(test, random));
    }

    private static List<List<Integer>> byClass(Dataset dataset) throws DatasetException {
        int[] all = range(dataset.size()).stream().mapToInt(Integer::intValue).toArray();
        float[] classes = dataset.read(all).targets().toFloatVector();
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < classes.length; i++) {
            groups.computeIfAbsent((int) classes[i], k -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(groups.values());
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    private static int[] shuffled(List<Integer> indices, Random random) {
        java.util.Collections.shuffle(indices, random);
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
