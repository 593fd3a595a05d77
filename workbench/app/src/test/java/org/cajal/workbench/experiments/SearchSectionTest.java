package org.cajal.workbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchSectionTest {

    @TempDir
    Path dir;

    static Pipeline xor() {
        return new Pipeline(1, "xor", "", 42, ComponentRef.of("xor"), List.of(), SplitSpec.DEFAULT,
                new ModelSpec(ModelSpec.LAYER_STACK, null, List.of(
                        new ComponentRef("dense", Map.of("units", 8, "activation", "tanh")),
                        new ComponentRef("output", Map.of("activation", "softmax")))),
                new TrainingSpec("categorical-cross-entropy", new ComponentRef("adam", Map.of("learningRate", 0.05)),
                        60, 16));
    }

    @Test
    @SuppressWarnings("unchecked")
    void exampleSearchesTheLearningRateAndTheFirstLayersUnits() {
        String text = SearchSection.prefill("{\"name\": \"xor\"}", null, xor());
        assertTrue(text.startsWith("// An example search for 'xor'"), text);
        Map<String, Object> search = SearchSection.parse(text);
        Map<String, Object> parameters = (Map<String, Object>) search.get("parameters");
        assertEquals(Map.of("logUniform", List.of(0.005, 0.5)),
                parameters.get("training.optimizer.params.learningRate"));
        assertEquals(Map.of("choices", List.of(4L, 8L, 16L)), parameters.get("model.layers[0].params.units"));
        assertEquals("random", search.get("method"));
        assertEquals(8, SearchSection.integer(search, "trials", 0));
        assertTrue(SearchSection.minimise(search));
        assertEquals(List.of("training.optimizer.params.learningRate", "model.layers[0].params.units"),
                SearchSection.parameterPaths(search));
    }

    @Test
    void prefersThePipelinesOwnSection() throws IOException {
        String formatted = "{\"name\": \"xor\", \"search\": {\"method\": \"grid\", \"trials\": 3, \"parameters\": "
                + "{\"training.epochs\": {\"choices\": [10, 20, 30]}}}}";
        Map<String, Object> search = SearchSection.parse(SearchSection.prefill(formatted, null, xor()));
        assertEquals("grid", search.get("method"));
        assertEquals(3, SearchSection.integer(search, "trials", 0));

        // not in the formatted text (the runtime dropped it): read from the file the pipeline came from
        Path file = Files.writeString(dir.resolve("p.json"), "{\"name\": \"xor\", \"search\": {\"objective\": "
                + "\"accuracy\", \"parameters\": {\"training.epochs\": {\"range\": [10, 50], \"step\": 10}}}}");
        Map<String, Object> fromFile = SearchSection.parse(SearchSection.prefill("{\"name\": \"xor\"}", file, xor()));
        assertEquals("accuracy", SearchSection.objective(fromFile));
        assertFalse(SearchSection.minimise(fromFile), "accuracy is maximised");
    }

    @Test
    void badTextIsExplainedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchSection.parse("// comment\n{\n  \"trials\": 4\n  \"parameters\": {}\n}"));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> SearchSection.parse("{\"trials\": 4}"));
        assertTrue(none.getMessage().contains("\"parameters\""), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SearchSection.parse("// only a comment\n"));
        assertThrows(IllegalArgumentException.class, () -> SearchSection.parse("[1, 2]"));
    }

    @Test
    void goalFollowsTheSectionThenTheObjectivesName() {
        assertFalse(SearchSection.minimise(Map.of("goal", "max", "objective", "validation_loss")));
        assertTrue(SearchSection.minimise(Map.of("objective", "mse")));
        assertFalse(SearchSection.minimise(Map.of("objective", "validation_accuracy")));
        assertTrue(SearchSection.minimise(Map.of()), "validation loss by default");
    }
}
