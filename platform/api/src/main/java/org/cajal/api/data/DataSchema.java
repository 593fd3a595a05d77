package org.cajal.api.data;

import java.util.List;
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
 */
public record DataSchema(List<String> featureNames, List<Long> featureShape, TargetKind targetKind,
                         List<String> targetNames, List<String> classLabels) {

    public DataSchema {
        featureNames = List.copyOf(featureNames);
        featureShape = List.copyOf(featureShape);
        Objects.requireNonNull(targetKind, "targetKind");
        targetNames = List.copyOf(targetNames);
        classLabels = List.copyOf(classLabels);
        if (targetKind.isClassification() && classLabels.size() < 2) {
            throw new IllegalArgumentException("a classification target needs at least two class labels");
        }
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
