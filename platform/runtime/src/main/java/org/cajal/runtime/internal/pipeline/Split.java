package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.SplitSpec;

/**
 * Example indices for one model: train, validation and (held-out) test. A hold-out split gives one; k-fold
 * cross-validation gives k that share the test indices. Shuffled with the pipeline's seed and, for
 * classification, stratified so every part keeps the class proportions.
 */
public record Split(int[] train, int[] validation, int[] test) {

    /** The splits a pipeline asks for: one hold-out split, or one per fold. */
    public static List<Split> of(Dataset dataset, SplitSpec spec, long seed) throws DatasetException {
        Random random = new Random(seed);
        List<List<Integer>> groups = groups(dataset, spec);
        List<Integer> test = new ArrayList<>();
        List<List<Integer>> rest = new ArrayList<>();
        for (List<Integer> group : groups) {
            Collections.shuffle(group, random);
            int nTest = Math.min((int) Math.round(group.size() * spec.test()), Math.max(0, group.size() - 1));
            test.addAll(group.subList(0, nTest));
            rest.add(new ArrayList<>(group.subList(nTest, group.size())));
        }
        return spec.isKFold() ? folds(rest, test, spec.folds(), random)
                : List.of(holdOut(rest, test, spec, random));
    }

    private static Split holdOut(List<List<Integer>> groups, List<Integer> test, SplitSpec spec, Random random) {
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        double share = spec.validation() / (1 - spec.test());
        for (List<Integer> group : groups) {
            int n = Math.min((int) Math.round(group.size() * share), Math.max(0, group.size() - 1));
            validation.addAll(group.subList(0, n));
            train.addAll(group.subList(n, group.size()));
        }
        return new Split(shuffled(train, random), shuffled(validation, random), shuffled(test, random));
    }

    /** Deals each group's examples round-robin into k folds, so every fold has the class proportions. */
    private static List<Split> folds(List<List<Integer>> groups, List<Integer> test, int k, Random random) {
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int at = 0;
        for (List<Integer> group : groups) {
            for (Integer index : group) {
                folds.get(at++ % k).add(index);
            }
        }
        int[] testIndices = shuffled(test, random);
        List<Split> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> train = new ArrayList<>();
            for (int g = 0; g < k; g++) {
                if (g != f) {
                    train.addAll(folds.get(g));
                }
            }
            out.add(new Split(shuffled(train, random), shuffled(new ArrayList<>(folds.get(f)), random),
                    testIndices));
        }
        return out;
    }

    private static List<List<Integer>> groups(Dataset dataset, SplitSpec spec) throws DatasetException {
        int n = dataset.size();
        if (!spec.stratify() || !dataset.schema().targetKind().isClassification()) {
            List<Integer> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                all.add(i);
            }
            List<List<Integer>> one = new ArrayList<>();
            one.add(all);
            return one;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        float[] classes = dataset.targets(all).toFloatVector();
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < classes.length; i++) {
            byClass.computeIfAbsent((int) classes[i], c -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byClass.values());
    }

    private static int[] shuffled(List<Integer> indices, Random random) {
        Collections.shuffle(indices, random);
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
