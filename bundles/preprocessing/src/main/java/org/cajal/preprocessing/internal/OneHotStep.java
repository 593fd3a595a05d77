package org.cajal.preprocessing.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.osgi.service.component.annotations.Component;

/** Replaces categorical feature columns by indicator (one-hot) columns, one per category label. */
@Component(service = Preprocessor.class)
public final class OneHotStep implements Preprocessor {

    static final String ID = "one-hot";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "One-hot encode", "Preprocessing",
            "Replaces each categorical feature (a column holding category indices 0, 1, ...; the dataset's schema "
                    + "lists its labels) by one indicator column per label, named column=label, in the column's "
                    + "place: the indicator of the example's category is 1, the others 0. A network then sees no "
                    + "false order among categories. The labels are the categories the training rows hold (before "
                    + "any step, a run keeps only those, and fills a missing cell or a category seen only in "
                    + "validation or test rows with the training rows' most frequent category), so a category "
                    + "that only test rows hold gets no column, and every split gets the training split's columns. "
                    + "A value that is not the index of a label (a fraction) gives all zeros. Works on flat feature "
                    + "vectors (tabular data); numeric columns and targets are left as they are.",
            List.of(FeatureColumns.parameter("Comma-separated names of the categorical columns to encode; leave "
                    + "out for every categorical column.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Needs no statistics: the labels come from the schema (the training rows' categories), not {@code training}. */
    @Override
    public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters)
            throws DatasetException {
        int[] columns = FeatureColumns.categorical(schema, parameters, ID);
        int width = FeatureColumns.requireFlat(schema, ID);
        List<String> names = FeatureColumns.names(schema, width);
        String[] columnNames = new String[columns.length];
        String[][] labels = new String[columns.length][];
        for (int k = 0; k < columns.length; k++) {
            columnNames[k] = names.get(columns[k]);
            labels[k] = schema.featureCategories().get(columnNames[k]).toArray(String[]::new);
            if (labels[k].length == 0) {
                throw new DatasetException(ID + ": categorical feature '" + columnNames[k] + "' has no labels");
            }
        }
        return new OneHotColumns(width, columns, columnNames, labels);
    }
}
