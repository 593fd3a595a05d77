package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a run folder's provenance and evaluation. */
public final class RunFiles {

    private RunFiles() {
    }

    /** provenance.json. */
    public static Map<String, Object> provenance(Path run) throws IOException {
        return FolderFiles.readObject(run.resolve(FolderFiles.PROVENANCE));
    }

    /** provenance.json's status, or null when unreadable. */
    public static String status(Path run) {
        try {
            return FolderFiles.string(provenance(run), "status");
        } catch (IOException e) {
            return null;
        }
    }

    /** evaluation.json's top-level numbers (k-fold: the means over folds); empty when there is none yet. */
    public static Map<String, Double> evaluation(Path run) throws IOException {
        Path file = run.resolve(FolderFiles.EVALUATION);
        return Files.isRegularFile(file) ? FolderFiles.numbers(FolderFiles.readObject(file)) : new LinkedHashMap<>();
    }
}
