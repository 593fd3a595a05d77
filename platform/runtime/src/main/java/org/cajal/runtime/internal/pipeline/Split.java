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
 * cross-validation gives k that share the test indices and whose validation folds partition the other rows.
 * Shuffled with the pipeline's seed and, for classification, stratified so every part keeps the class proportions
 * with a minimum: a class with enough examples has at least one in the test split and one in the validation split
 * (hold-out), or keeps two outside the test split (k-fold). {@link SplitCheck} says what could not be kept.
 *
 * @param warnings what the split could not keep (a class missing from a part), the same for every fold
 */
public record Split(int[] train, int[] validation, int[] test, List<String> warnings) {

    public Split {
        warnings = List.copyOf(warnings);
    }

    public Split(int[] train, int[] validation, int[] test) {
        this(train, validation, test, List.of());
    }

    /**
     * The splits a pipeline asks for: one hold-out split, or one per fold.
     *
     * @throws DatasetException when a classification target looks continuous ({@link SplitCheck#continuous})
     */
    public static List<Split> of(Dataset dataset, SplitSpec spec, long seed) throws DatasetException {
        Random random = new Random(seed);
        SplitCheck check = SplitCheck.of(dataset);
        List<List<Integer>> groups = check.groups(spec.stratify());
        // the minimum per part applies to classes (a stratified classification split), not to one big group
        boolean minimum = groups.size() > 1;
        List<Integer> test = new ArrayList<>();
        List<List<Integer>> rest = new ArrayList<>();
        for (List<Integer> group : groups) {
            Collections.shuffle(group, random);
            int nTest = take(group.size(), spec.test(), spec.isKFold() ? 2 : 1, minimum);
            test.addAll(group.subList(0, nTest));
            rest.add(new ArrayList<>(group.subList(nTest, group.size())));
        }
        List<Split> splits = spec.isKFold() ? folds(rest, test, spec.folds(), random)
                : List.of(holdOut(rest, test, spec, random, minimum));
        List<String> warnings = check.warnings(splits, spec);
        return splits.stream().map(s -> new Split(s.train, s.validation, s.test, warnings)).toList();
    }

    /**
     * How many of a group's {@code size} examples go to a part that takes {@code fraction} of them, leaving at least
     * {@code keep}; with {@code minimum}, at least one when the group has more than {@code keep}.
     */
    static int take(int size, double fraction, int keep, boolean minimum) {
        int n = (int) Math.round(size * fraction);
        if (minimum && fraction > 0 && size > keep) {
            n = Math.max(1, n);
        }
        return Math.min(n, Math.max(0, size - keep));
    }

    private static Split holdOut(List<List<Integer>> groups, List<Integer> test, SplitSpec spec, Random random,
                                 boolean minimum) {
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        double share = spec.validation() / (1 - spec.test());
        for (List<Integer> group : groups) {
            int n = take(group.size(), share, 1, minimum);
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

    /** All indices {@code 0..n-1} as one group, or one group per class in class order. */
    static List<List<Integer>> groups(int n, float[] classes) {
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byClass.computeIfAbsent(classes == null ? 0 : (int) classes[i], c -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byClass.values());
    }

    private static int[] shuffled(List<Integer> indices, Random random) {
        Collections.shuffle(indices, random);
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
