package org.cajal.api.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a dataset delivers.
 *
 * @param featureNames one name per input feature (for tabular data) or an empty list for images and sequences
 * @param featureShape shape of one example's features without the batch dimension: {@code [n]} for a feature
 *                     vector, {@code [channels, height, width]} for images, {@code [features, time]} for sequences
 * @param targetKind regression, binary, multiclass or none
 * @param targetNames names of the regression targets, or the name of the class column
 * @param classLabels the class labels in index order, empty for regression
 * @param featureCategories for each categorical feature (by name): its category labels in index order; the
 *                          feature's value is then the category index (0, 1, ...). Empty when all features are
 *                          numeric. A one-hot preprocessing step turns these into indicator columns.
 */
public record DataSchema(List<String> featureNames, List<Long> featureShape, TargetKind targetKind,
                         List<String> targetNames, List<String> classLabels,
                         Map<String, List<String>> featureCategories) {

    public DataSchema {
        featureCategories = featureCategories == null ? Map.of() : Map.copyOf(featureCategories);
        featureNames = List.copyOf(featureNames);
        featureShape = List.copyOf(featureShape);
        Objects.requireNonNull(targetKind, "targetKind");
        targetNames = List.copyOf(targetNames);
        classLabels = List.copyOf(classLabels);
        if (targetKind.isClassification() && classLabels.size() < 2) {
            throw new IllegalArgumentException("a classification target needs at least two class labels");
        }
    }

    /** A schema whose features are all numeric. */
    public DataSchema(List<String> featureNames, List<Long> featureShape, TargetKind targetKind,
                      List<String> targetNames, List<String> classLabels) {
        this(featureNames, featureShape, targetKind, targetNames, classLabels, Map.of());
    }

    /** The same schema with other features (names, shape and categories), e.g. after a preprocessing step. */
    public DataSchema withFeatures(List<String> names, List<Long> shape, Map<String, List<String>> categories) {
        return new DataSchema(names, shape, targetKind, targetNames, classLabels, categories);
    }

    /** A tabular schema for a classification target. */
    public static DataSchema classification(List<String> featureNames, String targetName, List<String> classLabels) {
        return new DataSchema(featureNames, List.of((long) featureNames.size()),
                classLabels.size() == 2 ? TargetKind.BINARY : TargetKind.MULTICLASS, List.of(targetName), classLabels);
    }

    /** A tabular schema for real-valued targets. */
    public static DataSchema regression(List<String> featureNames, List<String> targetNames) {
        return new DataSchema(featureNames, List.of((long) featureNames.size()), TargetKind.REGRESSION,
                targetNames, List.of());
    }

    /** Number of classes, or 0 for regression. */
    public int classCount() {
        return classLabels.size();
    }

    /** Width of the target array an {@link Examples} holds: 1 (class index) for classification, else the target count. */
    public int targetWidth() {
        return targetKind.isClassification() ? 1 : targetNames.size();
    }

    /** Number of scalar features of one example (product of the feature shape). */
    public long featureCount() {
        return featureShape.stream().reduce(1L, (a, b) -> a * b);
    }
}
