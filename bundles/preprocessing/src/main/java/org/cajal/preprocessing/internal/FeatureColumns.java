package org.cajal.preprocessing.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;

/** Picks the flat feature columns a step works on, from the schema and the step's optional {@code columns} parameter. */
final class FeatureColumns {

    static final String COLUMNS = "columns";

    private FeatureColumns() {
    }

    /** The optional {@code columns} parameter: comma-separated feature names. */
    static ParameterSpec parameter(String help) {
        return ParameterSpec.string(COLUMNS, null).help(help);
    }

    /** The features' width; fails unless they are a flat vector ({@code featureShape = [n]}). */
    static int requireFlat(DataSchema schema, String step) throws DatasetException {
        if (schema.featureShape().size() != 1) {
            throw new DatasetException(step + " works on flat feature vectors (tabular data) but the features have "
                    + "shape " + schema.featureShape() + "; for images use image-scale");
        }
        return Math.toIntExact(schema.featureShape().get(0));
    }

    /** One name per column: the schema's names, or {@code column 0, column 1, ...} where it has none. */
    static List<String> names(DataSchema schema, int width) {
        if (schema.featureNames().size() == width) {
            return schema.featureNames();
        }
        return IntStream.range(0, width).mapToObj(i -> "column " + i).toList();
    }

    /** The numeric columns named by {@code columns}, or all numeric ones; categorical columns are refused. */
    static int[] numeric(DataSchema schema, Parameters parameters, String step) throws DatasetException {
        int width = requireFlat(schema, step);
        List<String> names = names(schema, width);
        Map<String, List<String>> categories = schema.featureCategories();
        List<Integer> chosen = new ArrayList<>();
        if (parameters.optionalString(COLUMNS).isEmpty()) {
            for (int i = 0; i < width; i++) {
                if (!categories.containsKey(names.get(i))) {
                    chosen.add(i);
                }
            }
            if (chosen.isEmpty()) {
                throw new DatasetException(step + ": every feature is categorical " + categories.keySet()
                        + "; use one-hot first, or leave out this step");
            }
        } else {
            for (String name : requested(parameters, step)) {
                if (categories.containsKey(name)) {
                    throw new DatasetException(step + ": feature '" + name + "' is categorical (labels "
                            + categories.get(name) + "); one-hot it instead, or leave it out of '" + COLUMNS + "'");
                }
                chosen.add(indexOf(names, name, step));
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The categorical columns named by {@code columns}, or all categorical ones; numeric columns are refused. */
    static int[] categorical(DataSchema schema, Parameters parameters, String step) throws DatasetException {
        int width = requireFlat(schema, step);
        List<String> names = names(schema, width);
        Map<String, List<String>> categories = schema.featureCategories();
        List<Integer> chosen = new ArrayList<>();
        if (parameters.optionalString(COLUMNS).isEmpty()) {
            for (int i = 0; i < width; i++) {
                if (categories.containsKey(names.get(i))) {
                    chosen.add(i);
                }
            }
            if (chosen.isEmpty()) {
                throw new DatasetException(step + ": the dataset has no categorical features (its schema lists no "
                        + "feature categories); leave out this step");
            }
        } else {
            for (String name : requested(parameters, step)) {
                int index = indexOf(names, name, step);
                if (!categories.containsKey(name)) {
                    throw new DatasetException(step + ": feature '" + name + "' is numeric; the categorical "
                            + "features are " + categories.keySet());
                }
                chosen.add(index);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static Set<String> requested(Parameters parameters, String step) throws DatasetException {
        Set<String> out = new LinkedHashSet<>();
        for (String part : parameters.getString(COLUMNS).split(",")) {
            String name = part.trim();
            if (!name.isEmpty() && !out.add(name)) {
                throw new DatasetException(step + "." + COLUMNS + " names '" + name + "' twice");
            }
        }
        if (out.isEmpty()) {
            throw new DatasetException(step + "." + COLUMNS + " names no feature; give comma-separated feature "
                    + "names or leave the parameter out");
        }
        return out;
    }

    private static int indexOf(List<String> names, String name, String step) throws DatasetException {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new DatasetException(step + "." + COLUMNS + ": no feature '" + name + "'; the features are "
                    + names);
        }
        return index;
    }
}
