package org.cajal.workbench.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare names the settings two runs' pipelines differ in. */
class SettingsDiffTest {

    private static Path run(Path dir, String name, String json) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("pipeline.json"), json);
        return folder;
    }

    @Test
    void listsEachDifferingPathWithEveryRunsValue(@TempDir Path dir) throws Exception {
        Path a = run(dir, "a", "{\"name\": \"one\", \"seed\": 1, \"model\": {\"layers\": [{\"type\": \"dense\", "
                + "\"params\": {\"units\": 8}}]}, \"training\": {\"optimizer\": {\"type\": \"adam\", "
                + "\"params\": {\"learningRate\": 0.01}}}}");
        Path b = run(dir, "b", "{\"name\": \"two\", \"seed\": 2, \"model\": {\"layers\": [{\"type\": \"dense\", "
                + "\"params\": {\"units\": 8}}]}, \"training\": {\"optimizer\": {\"type\": \"adam\", "
                + "\"params\": {\"learningRate\": 0.05}}, \"epochs\": 9}}");
        assertEquals(List.of("seed: 1 | 2", "training.epochs: — | 9",
                "training.optimizer.params.learningRate: 0.01 | 0.05"), SettingsDiff.lines(List.of(a, b)));
        assertEquals(List.of(), SettingsDiff.lines(List.of(a, a)));
    }
}
