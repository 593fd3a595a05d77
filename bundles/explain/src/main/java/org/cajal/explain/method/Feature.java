package org.cajal.explain.method;

import java.util.List;

/**
 * One raw input feature: a column of the raw rows. A categorical feature is one column holding the category index
 * (its one-hot columns are made from it by the run's preprocessing), so permuting or varying it moves all of its
 * one-hot columns together.
 *
 * @param name       the column's name
 * @param column     its index in a raw row
 * @param categories the category labels in index order, or an empty list for a numeric feature
 */
public record Feature(String name, int column, List<String> categories) {

    public Feature {
        categories = List.copyOf(categories);
    }

    public boolean categorical() {
        return !categories.isEmpty();
    }

    /** The label of a category index, or the number itself for a numeric feature. */
    public String label(double value) {
        int i = (int) value;
        return categorical() && i == value && i >= 0 && i < categories.size() ? categories.get(i)
                : Double.toString(value);
    }
}
