package org.cajal.bench.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The small case's survey-style table, generated the same way on every run: {@value #ROWS} respondents, seven
 * features and a three-class target, with categorical columns and missing cells, as a social scientist's
 * questionnaire export looks. Columns: {@code age} (years, 18-80), {@code income} (thousand EUR a year),
 * {@code household} (persons, 1-5), {@code education} (primary, secondary, vocational, university),
 * {@code region} (north, east, south, west), {@code employment} (employed, unemployed, retired, student),
 * {@code trust} (a 1-5 scale in quarter steps) and the target {@code satisfaction} (low, medium, high), drawn from a
 * noisy score of income, trust, education, employment, region and household size. About 4-6 % of the cells of
 * age, income, education, employment and trust are missing, written as an empty cell, {@code NA} or {@code ?};
 * the target is never missing.
 *
 * <p>The Cajal side reads the file with the {@code csv} dataset ({@code categorical} naming the three text
 * columns, {@code missing: impute}); the DL4J and PyTorch sides get {@link #encode()}'s matrix, which the bench
 * computes itself from the same cells with the csv dataset's documented rules and checks against what that
 * dataset read ({@link SmallBench}).
 */
final class SurveyData {

    static final int ROWS = 350;
    static final long SEED = 13;
    static final String TARGET = "satisfaction";
    static final List<String> COLUMNS = List.of("age", "income", "household", "education", "region", "employment",
            "trust", TARGET);
    /** The categorical feature columns, as the pipeline's {@code categorical} parameter lists them. */
    static final List<String> CATEGORICAL = List.of("education", "region", "employment");
    /** The cell texts the csv dataset reads as missing (trimmed, matched exactly). */
    static final Set<String> MISSING = Set.of("", "NA", "NaN", "?");

    private static final String[] EDUCATION = {"primary", "secondary", "vocational", "university"};
    private static final String[] REGION = {"north", "east", "south", "west"};

    private final List<String[]> cells;

    private SurveyData(List<String[]> cells) {
        this.cells = cells;
    }

    /** The table, generated from {@link #SEED}. */
    static SurveyData generate() {
        Random random = new Random(SEED);
        List<String[]> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(respondent(random));
        }
        return new SurveyData(rows);
    }

    private static String[] respondent(Random r) {
        int age = 18 + r.nextInt(63);
        int household = 1 + r.nextInt(5);
        int education = pick(r, 0.15, 0.35, 0.25);
        String employment = age >= 65 ? (r.nextDouble() < 0.85 ? "retired" : "employed")
                : age < 25 && r.nextDouble() < 0.5 ? "student"
                : r.nextDouble() < 0.12 ? "unemployed" : "employed";
        double base = 16 + 7 * education + 0.35 * Math.min(age - 18, 40);
        double factor = switch (employment) {
            case "unemployed" -> 0.45;
            case "student" -> 0.35;
            case "retired" -> 0.7;
            default -> 1.0;
        };
        double income = base * factor * Math.exp(0.25 * r.nextGaussian());
        String region = REGION[r.nextInt(REGION.length)];
        double trust = Math.max(1, Math.min(5, Math.round((3 + 0.9 * r.nextGaussian()) * 4) / 4.0));
        double score = 0.06 * (income - 30) + 0.7 * (trust - 3) + 0.25 * education
                - (employment.equals("unemployed") ? 0.9 : 0) + (region.equals("north") ? 0.4 : 0)
                - (region.equals("east") ? 0.4 : 0) - 0.1 * (household - 3) + 0.6 * r.nextGaussian();
        String satisfaction = score < -0.35 ? "low" : score < 0.45 ? "medium" : "high";
        return new String[] {
            missing(r, 0.05, Integer.toString(age)),
            missing(r, 0.06, String.format(Locale.ROOT, "%.1f", income)),
            Integer.toString(household),
            missing(r, 0.05, EDUCATION[education]),
            region,
            missing(r, 0.04, employment),
            missing(r, 0.05, String.format(Locale.ROOT, "%.2f", trust)),
            satisfaction};
    }

    /** Index 0, 1, 2 with the given probabilities, else 3. */
    private static int pick(Random r, double p0, double p1, double p2) {
        double u = r.nextDouble();
        return u < p0 ? 0 : u < p0 + p1 ? 1 : u < p0 + p1 + p2 ? 2 : 3;
    }

    /** The value, or with probability {@code p} one of the ways a missing cell is written. */
    private static String missing(Random r, double p, String value) {
        if (r.nextDouble() >= p) {
            return value;
        }
        return switch (r.nextInt(3)) {
            case 0 -> "";
            case 1 -> "NA";
            default -> "?";
        };
    }

    /** The CSV file's text: a header row, then one row per respondent. */
    String csv() {
        StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (String[] row : cells) {
            text.append(String.join(",", row)).append('\n');
        }
        return text.toString();
    }

    /**
     * The table as numbers, computed here from the cells with the csv dataset's documented rules for
     * {@code categorical} and {@code missing: impute}: a numeric cell is its float value; a categorical cell is
     * its category's index among the column's categories sorted alphabetically; a missing cell stays NaN (the
     * csv dataset fills nothing: the training rows' mean or most frequent category is filled in per split, by
     * {@link TabularData#prepare}, as Cajal's first fitted step does); the target's classes are sorted
     * alphabetically too (high 0, low 1, medium 2). Standardising and one-hot encoding come later, per split.
     */
    TabularData encode() {
        int features = COLUMNS.size() - 1;
        float[][] rows = new float[cells.size()][features];
        int[] categories = new int[features];
        for (int j = 0; j < features; j++) {
            if (CATEGORICAL.contains(COLUMNS.get(j))) {
                List<String> labels = labels(j);
                categories[j] = labels.size();
                encodeCategorical(rows, j, labels);
            } else {
                encodeNumeric(rows, j);
            }
        }
        List<String> classes = labels(features);
        float[] targets = new float[cells.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = classes.indexOf(cells.get(i)[features].trim());
        }
        return new TabularData(COLUMNS.subList(0, features), rows, categories, targets, classes.size());
    }

    private List<String> labels(int column) {
        TreeSet<String> labels = new TreeSet<>();
        for (String[] row : cells) {
            String cell = row[column].trim();
            if (!MISSING.contains(cell)) {
                labels.add(cell);
            }
        }
        return new ArrayList<>(labels);
    }

    private void encodeCategorical(float[][] rows, int j, List<String> labels) {
        for (int i = 0; i < rows.length; i++) {
            String cell = cells.get(i)[j].trim();
            rows[i][j] = MISSING.contains(cell) ? Float.NaN : labels.indexOf(cell);
        }
    }

    private void encodeNumeric(float[][] rows, int j) {
        for (int i = 0; i < rows.length; i++) {
            String cell = cells.get(i)[j].trim();
            rows[i][j] = MISSING.contains(cell) ? Float.NaN : Float.parseFloat(cell);
        }
    }

    /** Missing cells per column, for the header line. */
    int[] missingPerColumn() {
        int[] missing = new int[COLUMNS.size()];
        for (String[] row : cells) {
            for (int j = 0; j < row.length; j++) {
                if (MISSING.contains(row[j].trim())) {
                    missing[j]++;
                }
            }
        }
        return missing;
    }

    /** How many rows carry each class label of the target, in sorted label order. */
    String classCounts() {
        TabularData data = encode();
        int[] counts = new int[data.classes()];
        for (float t : data.targets()) {
            counts[(int) t]++;
        }
        return labels(COLUMNS.size() - 1) + " " + Arrays.toString(counts);
    }
}
