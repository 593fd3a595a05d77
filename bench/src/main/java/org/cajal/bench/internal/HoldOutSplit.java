package org.cajal.bench.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * The example indices of a hold-out split, drawn the way Cajal's runtime draws them for a pipeline's
 * {@code split} section (validation and test fractions, stratified for classification unless the pipeline says
 * {@code "stratify": false}), so the bench's plain DL4J and PyTorch sides train, validate and test on the very
 * examples the Cajal side does. One {@link Random} seeded with the pipeline's seed: the examples grouped by class
 * (ascending class index; one group when not stratified), each group shuffled and its first round(size x test)
 * examples held out for the test; of the rest, each group's first round(size x validation / (1 - test)) validate;
 * then the train, validation and test lists are shuffled, in that order. Neither part takes a group's last example.
 *
 * <p>The runtime's own class is internal to its bundle, so this is a second implementation of the same rule; the
 * bench checks it on every run against the test indices the Cajal run wrote to its {@code split.json}
 * ({@link SmallBench}) and says so when they differ.
 */
record HoldOutSplit(int[] train, int[] validation, int[] test) {

    /**
     * @param classes each example's class index, or {@code null} for regression or an unstratified split
     */
    static HoldOutSplit of(float[] classes, int size, double validation, double test, long seed) {
        if (validation < 0 || test < 0 || validation + test >= 1) {
            throw new IllegalArgumentException("validation (" + validation + ") and test (" + test
                    + ") fractions must be at least 0 and sum to less than 1");
        }
        Random random = new Random(seed);
        List<List<Integer>> rest = new ArrayList<>();
        List<Integer> testIndices = new ArrayList<>();
        for (List<Integer> group : groups(classes, size)) {
            Collections.shuffle(group, random);
            int n = Math.min((int) Math.round(group.size() * test), Math.max(0, group.size() - 1));
            testIndices.addAll(group.subList(0, n));
            rest.add(new ArrayList<>(group.subList(n, group.size())));
        }
        double share = validation / (1 - test);
        List<Integer> trainIndices = new ArrayList<>();
        List<Integer> validationIndices = new ArrayList<>();
        for (List<Integer> group : rest) {
            int n = Math.min((int) Math.round(group.size() * share), Math.max(0, group.size() - 1));
            validationIndices.addAll(group.subList(0, n));
            trainIndices.addAll(group.subList(n, group.size()));
        }
        return new HoldOutSplit(shuffled(trainIndices, random), shuffled(validationIndices, random),
                shuffled(testIndices, random));
    }

    private static List<List<Integer>> groups(float[] classes, int size) {
        if (classes == null) {
            List<Integer> all = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                all.add(i);
            }
            List<List<Integer>> one = new ArrayList<>();
            one.add(all);
            return one;
        }
        if (classes.length != size) {
            throw new IllegalArgumentException(classes.length + " classes for " + size + " examples");
        }
        TreeMap<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            byClass.computeIfAbsent((int) classes[i], c -> new ArrayList<>()).add(i);
        }
        return new ArrayList<>(byClass.values());
    }

    private static int[] shuffled(List<Integer> indices, Random random) {
        Collections.shuffle(indices, random);
        return indices.stream().mapToInt(Integer::intValue).toArray();
    }
}
