package org.cajal.bench.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A table of examples as the bench's plain DL4J and PyTorch sides get it: one row of floats per example, in the
 * dataset's order, categorical features as category indices (categories sorted, as Cajal's datasets number them),
 * and one target per example (a class index, or the value for regression).
 *
 * @param featureNames the feature columns, in order
 * @param rows {@code n} rows of {@code featureNames.size()} values
 * @param categories for each feature column its number of categories, 0 for a numeric column
 * @param targets one per row: the class index, or the regression target
 * @param classes the number of classes, 0 for regression
 */
record TabularData(List<String> featureNames, float[][] rows, int[] categories, float[] targets, int classes) {

    TabularData {
        featureNames = List.copyOf(featureNames);
        if (categories.length != featureNames.size() || targets.length != rows.length) {
            throw new IllegalArgumentException(featureNames.size() + " feature names, " + categories.length
                    + " category counts, " + rows.length + " rows and " + targets.length + " targets");
        }
    }

    int size() {
        return rows.length;
    }

    boolean classification() {
        return classes > 0;
    }

    /**
     * One part of a split after preprocessing: features {@code [n][inputs]} and targets.
     */
    record Part(float[][] features, float[] targets) {
        int size() {
            return targets.length;
        }
    }

    /**
     * The three parts of a split, preprocessed as the pipeline's steps say.
     *
     * @param inputs the width of a feature row after preprocessing
     * @param classes the number of classes, 0 for regression
     */
    record Prepared(Part train, Part validation, Part test, int inputs, int classes) {

        boolean classification() {
            return classes > 0;
        }

        /**
         * Writes each part as {@code NAME.csv} into {@code folder} for the PyTorch side: one example per line,
         * comma-separated, the features then the target, every value as Java's shortest decimal form of the float,
         * which numpy reads back to the same float32.
         */
        void write(Path folder) throws IOException {
            Files.createDirectories(folder);
            write(train, folder.resolve("train.csv"));
            write(validation, folder.resolve("validation.csv"));
            write(test, folder.resolve("test.csv"));
        }

        private static void write(Part part, Path file) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < part.size(); i++) {
                    for (float v : part.features()[i]) {
                        out.write(Float.toString(v));
                        out.write(',');
                    }
                    out.write(Float.toString(part.targets()[i]));
                    out.write('\n');
                }
            }
        }
    }

    /**
     * The split's parts, preprocessed by the pipeline's steps in order, each fitted on the training part only:
     * {@code standardise} (every column that is numeric at that point: x' = (x - mean) / sd with the mean and the
     * population standard deviation of the training part, sd 1 where it is 0) and {@code one-hot} (every
     * categorical column replaced in place by one indicator column per category; a value that is not a category
     * index gives all zeros). These are the semantics of Cajal's {@code standardise} and {@code one-hot} steps.
     *
     * @throws IllegalArgumentException for a step the bench does not copy
     */
    Prepared prepare(HoldOutSplit split, List<String> steps) {
        Table train = select(split.train());
        Table validation = select(split.validation());
        Table test = select(split.test());
        int[] kinds = categories.clone();
        fillMissing(kinds, train, validation, test);
        for (String step : steps) {
            switch (step) {
                case "standardise" -> standardise(kinds, train, validation, test);
                case "one-hot" -> {
                    train = train.oneHot(kinds);
                    validation = validation.oneHot(kinds);
                    test = test.oneHot(kinds);
                    kinds = new int[train.width()];
                }
                default -> throw new IllegalArgumentException("preprocessing step '" + step + "' is not one the"
                        + " bench copies for its DL4J and PyTorch sides (standardise, one-hot)");
            }
        }
        return new Prepared(train.part(), validation.part(), test.part(), train.width(), classes);
    }

    /**
     * A missing cell (NaN) of every part takes the training rows' mean (numeric column) or most frequent category
     * (a tie goes to the lowest index), as Cajal's first fitted step does.
     */
    private static void fillMissing(int[] kinds, Table train, Table validation, Table test) {
        for (int j = 0; j < kinds.length; j++) {
            float fill = kinds[j] == 0 ? trainingMean(train, j) : mostFrequent(train, j, kinds[j]);
            for (Table t : List.of(train, validation, test)) {
                for (float[] row : t.x) {
                    if (Float.isNaN(row[j])) {
                        row[j] = fill;
                    }
                }
            }
        }
    }

    private static float trainingMean(Table train, int j) {
        double sum = 0;
        int count = 0;
        for (float[] row : train.x) {
            if (!Float.isNaN(row[j])) {
                sum += row[j];
                count++;
            }
        }
        return (float) (sum / count);
    }

    private static float mostFrequent(Table train, int j, int categories) {
        int[] counts = new int[categories];
        for (float[] row : train.x) {
            if (!Float.isNaN(row[j])) {
                counts[(int) row[j]]++;
            }
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return best;
    }

    private Table select(int[] indices) {
        float[][] x = new float[indices.length][];
        float[] y = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = rows[indices[i]].clone();
            y[i] = targets[indices[i]];
        }
        return new Table(x, y, featureNames.size());
    }

    private static void standardise(int[] kinds, Table train, Table validation, Table test) {
        for (int j = 0; j < kinds.length; j++) {
            if (kinds[j] != 0) {
                continue;
            }
            double mean = 0;
            double m2 = 0;
            long count = 0;
            for (float[] row : train.x) {
                double delta = row[j] - mean;
                count++;
                mean += delta / count;
                m2 += delta * (row[j] - mean);
            }
            double sd = count == 0 ? 0 : Math.sqrt(Math.max(0, m2) / count);
            double factor = sd > 0 ? 1 / sd : 1;
            for (Table t : List.of(train, validation, test)) {
                for (float[] row : t.x) {
                    row[j] = (float) ((row[j] - mean) * factor);
                }
            }
        }
    }

    /** Rows of one part while the steps run. */
    private record Table(float[][] x, float[] y, int width) {

        Table oneHot(int[] kinds) {
            List<Integer> widths = new ArrayList<>();
            int out = 0;
            for (int kind : kinds) {
                widths.add(kind == 0 ? 1 : kind);
                out += kind == 0 ? 1 : kind;
            }
            float[][] encoded = new float[x.length][out];
            for (int i = 0; i < x.length; i++) {
                int at = 0;
                for (int j = 0; j < kinds.length; j++) {
                    float v = x[i][j];
                    if (kinds[j] == 0) {
                        encoded[i][at] = v;
                    } else if (v >= 0 && v < kinds[j] && v == Math.rint(v)) {
                        encoded[i][at + (int) v] = 1;
                    }
                    at += widths.get(j);
                }
            }
            return new Table(encoded, y, out);
        }

        Part part() {
            return new Part(x, y);
        }
    }
}
