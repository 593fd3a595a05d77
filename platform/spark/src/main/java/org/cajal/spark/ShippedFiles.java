package org.cajal.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkFiles;
import org.cajal.launcher.spi.TrialDistributor;

/**
 * On an executor: the shipped copies of a trial's data files (SparkFiles, fetched once per executor) and the
 * trial's pipeline pointed at them. The driver puts the run folder back in its own terms when it returns.
 */
final class ShippedFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShippedFiles() {
    }

    /** Dataset parameter → the shipped copy's path here. */
    static Map<String, String> copies(TrialDistributor.Trial trial, String executor) {
        Map<String, String> copies = new LinkedHashMap<>();
        trial.dataFiles().forEach((param, driverPath) -> {
            Path copy = Path.of(SparkFiles.get(Path.of(driverPath).getFileName().toString()));
            if (!Files.isRegularFile(copy)) {
                throw new IllegalStateException(TrialTask.MARK + "the shipped copy of " + driverPath + " is not on "
                        + executor + " (" + copy + ")");
            }
            copies.put(param, copy.toAbsolutePath().normalize().toString());
        });
        return copies;
    }

    /** The trial with its dataset parameters set to the copies' paths; the trial itself when none was shipped. */
    static TrialDistributor.Trial reading(TrialDistributor.Trial trial, Map<String, String> copies) {
        if (copies.isEmpty()) {
            return trial;
        }
        try {
            JsonNode tree = JSON.readTree(trial.pipelineJson());
            if (!(tree.path("dataset").path("params") instanceof ObjectNode params)) {
                return trial;
            }
            copies.forEach(params::put);
            return new TrialDistributor.Trial(trial.number(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
                    trial.source(), trial.baseDirectory(), trial.seed(), trial.dataFiles());
        } catch (IOException e) {
            throw new UncheckedIOException(TrialTask.MARK + "trial " + trial.number() + "'s pipeline could not be read"
                    + " on the executor: " + e.getMessage(), e);
        }
    }
}
