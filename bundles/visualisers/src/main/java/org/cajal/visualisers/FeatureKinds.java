package org.cajal.visualisers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.api.visual.RunRecord;
import org.cajal.runfolder.Json;

/**
 * Which of a run's raw features are categorical, from its schema.json ({@code featureCategories}: each categorical
 * feature's labels in index order; its value in an input row is the label's index). A run folder without
 * schema.json has only numeric features.
 *
 * @param names  the raw features' names, in input order
 * @param labels per feature, its category labels, or an empty list for a numeric feature
 */
record FeatureKinds(List<String> names, List<List<String>> labels) {

    /** The run's features; the message of a schema.json that cannot be read names the file. */
    static FeatureKinds of(RunRecord run, List<String> featureNames) {
        Map<?, ?> categories = Map.of();
        Path file = run.folder() == null ? null : run.folder().resolve(RunFiles.SCHEMA);
        if (file != null && Files.isRegularFile(file)) {
            try {
                Object read = Json.readObject(file).get("featureCategories");
                categories = read instanceof Map<?, ?> m ? m : Map.of();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot tell which features are categorical: " + e.getMessage(),
                        e);
            }
        }
        List<List<String>> labels = new ArrayList<>();
        for (String name : featureNames) {
            labels.add(categories.get(name) instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                    : List.of());
        }
        return new FeatureKinds(List.copyOf(featureNames), List.copyOf(labels));
    }

    boolean categorical(int feature) {
        return feature < labels.size() && !labels.get(feature).isEmpty();
    }

    /** The first feature that is not {@code other}, numeric ones first; -1 if there is none. */
    int firstAxis(int count, int other) {
        for (boolean numeric : new boolean[] {true, false}) {
            for (int f = 0; f < count; f++) {
                if (f != other && categorical(f) != numeric) {
                    return f;
                }
            }
        }
        return -1;
    }

    /** Per feature, how many categories it has, or 0 for a numeric feature. */
    int[] levels(int count) {
        int[] out = new int[count];
        for (int f = 0; f < count; f++) {
            out[f] = categorical(f) ? labels.get(f).size() : 0;
        }
        return out;
    }
}
