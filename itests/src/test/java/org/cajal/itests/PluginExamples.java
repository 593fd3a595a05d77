package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The drop-in plugins' jars and shipped examples, as the itests use them. */
final class PluginExamples {

    private PluginExamples() {
    }

    /** A plugin's jar as built by its module (copied into target/fixtures by the build). */
    static Path jar(String name) {
        return Path.of(System.getProperty("cajal.fixtures"), name + ".jar");
    }

    /**
     * Copies a plugin's example pipeline (with its data files) into {@code dir}, with fewer epochs to keep the
     * tests short; returns the copy.
     *
     * @param examplesProperty the system property naming the plugin's examples folder
     */
    static Path shortened(String examplesProperty, String pipeline, int epochsBefore, int epochsAfter, Path dir,
                          String... dataFiles) throws IOException {
        Path examples = Path.of(System.getProperty(examplesProperty));
        for (String data : dataFiles) {
            Files.copy(examples.resolve(data), dir.resolve(data));
        }
        String example = Files.readString(examples.resolve(pipeline));
        String shortened = example.replace("\"epochs\": " + epochsBefore, "\"epochs\": " + epochsAfter);
        assertTrue(shortened.contains("\"epochs\": " + epochsAfter), "the example's epochs were shortened: "
                + example);
        return Files.writeString(dir.resolve(pipeline), shortened);
    }
}
