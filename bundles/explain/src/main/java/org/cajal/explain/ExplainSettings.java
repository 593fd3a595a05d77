package org.cajal.explain;

/**
 * What {@code cajal explain} computes and on which rows.
 *
 * @param split      the part of the run's split explained ({@code null}: test, else the part the run evaluated)
 * @param metric     the metric id ({@code null}: accuracy for classification, RMSE for regression)
 * @param repeats    permutation repeats per feature
 * @param seed       seed of the permutations, of the row sample and of the attribution sampling
 * @param grid       grid points per numeric feature for partial dependence
 * @param maxRows    the most rows of the part used (drawn with the seed when it has more)
 * @param row        the dataset index of the row to attribute ({@code -1}: the part's first row)
 * @param background training rows the attributions fill absent features from
 * @param samples    antithetic sample pairs when the attributions are sampled (more than 10 features)
 */
public record ExplainSettings(String split, String metric, int repeats, long seed, int grid, int maxRows, int row,
                              int background, int samples) {

    public static final int REPEATS = 10;
    public static final int GRID = 20;
    public static final int MAX_ROWS = 1000;
    public static final int BACKGROUND = 50;
    public static final int SAMPLES = 200;

    /** The defaults, seed 0. */
    public static ExplainSettings defaults() {
        return new ExplainSettings(null, null, REPEATS, 0, GRID, MAX_ROWS, -1, BACKGROUND, SAMPLES);
    }
}
