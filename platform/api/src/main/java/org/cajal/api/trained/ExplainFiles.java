package org.cajal.api.trained;

/**
 * The files {@code cajal explain} writes into a run folder's {@link #FOLDER} (one owner for their names: the explain
 * bundle writes them, the report reads them).
 */
public final class ExplainFiles {

    /** The sub-folder of the run folder. */
    public static final String FOLDER = "explain";
    /** What was computed, on which rows, with which settings: {@code explain.json}. */
    public static final String SUMMARY = "explain.json";
    /** Permutation importance per feature, with its interval over the permutation repeats. */
    public static final String IMPORTANCE = "importance.csv";
    /** The importance chart, {@code importance.png} and {@code importance.svg}. */
    public static final String IMPORTANCE_CHART = "importance";
    /** Per-example attributions of one row. */
    public static final String ATTRIBUTIONS = "attributions.csv";

    private ExplainFiles() {
    }

    /** The partial-dependence table of a feature, {@code pdp-<feature>.csv}; its chart is {@code pdp-<feature>.png/.svg}. */
    public static String partialDependence(String feature) {
        return "pdp-" + slug(feature) + ".csv";
    }

    /** The ICE table of a feature: every row's outputs along the grid, {@code ice-<feature>.csv}. */
    public static String individualCurves(String feature) {
        return "ice-" + slug(feature) + ".csv";
    }

    /** A feature name as part of a file name: letters, digits, {@code -}, {@code _} and {@code .} kept, the rest {@code _}. */
    public static String slug(String feature) {
        return feature.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
