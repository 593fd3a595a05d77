package org.cajal.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.EarlyStopping;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineWriterTest {

    private static final Path EXAMPLES = Path.of("../../distribution/src/examples");

    private final PipelineReader reader = new PipelineReader();
    private final PipelineWriter writer = new PipelineWriter();

    static Stream<Path> examples() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no shipped examples under " + EXAMPLES.toAbsolutePath());
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyShippedExampleRoundTrips(Path example) throws Exception {
        Pipeline read = reader.read(example).pipeline();
        String text = writer.format(read);
        // left in target/ for a look at the format
        Files.createDirectories(Path.of("target/formatted"));
        Files.writeString(Path.of("target/formatted").resolve(example.getFileName()), text);
        Pipeline again = reader.parse(text, "formatted", example.getParent()).pipeline();
        assertEquals(read, again, text);
        assertEquals(text, writer.format(again));
    }

    @Test
    void everySectionRoundTripsWithTypesKept() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("units", 8);
        params.put("rate", 0.05);
        params.put("scale", 1.0);
        params.put("big", 5_000_000_000L);
        params.put("activation", "relu");
        params.put("bias", false);
        Pipeline p = new Pipeline(1, "all", "every key \"quoted\"", 7, new ComponentRef("csv", Map.of("file", "a.csv")),
                List.of(ComponentRef.of("standardise"), new ComponentRef("one-hot", Map.of("max", 3))),
                new SplitSpec(0.1, 0.3, false, 5),
                new ModelSpec(ModelSpec.LAYER_STACK, Map.of(), List.of(new ComponentRef("dense", params),
                        ComponentRef.of("output"))),
                new TrainingSpec("mse", new ComponentRef("adam", Map.of("learningRate", 1e-4)), 12, 0,
                        new Regularisation(0, 1e-4, 0.25, 0), new EarlyStopping(3, 0.001, false)));
        String text = writer.format(p);
        Pipeline again = reader.parse(text, "formatted", Path.of(".")).pipeline();
        assertEquals(p, again, text);
        assertEquals(text, writer.format(again));
        Map<String, Object> dense = again.model().layers().get(0).params();
        assertEquals(Integer.class, dense.get("units").getClass());
        assertEquals(Double.class, dense.get("scale").getClass());
        assertEquals(Long.class, dense.get("big").getClass());
        assertTrue(text.contains("\"rate\": 0.05"), text);
        assertTrue(text.startsWith("{\n  \"schema\": 1,\n  \"name\": \"all\","), text);
        assertFalse(text.contains("\"l1\""), "zero terms are left out: " + text);
    }

    @Test
    void otherArchitecturesKeepTheirParamsAndNoLayers() throws Exception {
        Pipeline p = new Pipeline(1, "gan", "", 42, ComponentRef.of("mnist"), List.of(), SplitSpec.DEFAULT,
                new ModelSpec("gan", Map.of("latent", 16), List.of()),
                new TrainingSpec("mse", ComponentRef.of("sgd"), 1, 32));
        String text = writer.format(p);
        assertEquals(p, reader.parse(text, "formatted", Path.of(".")).pipeline(), text);
        assertFalse(text.contains("layers"), text);
        assertFalse(text.contains("description"), text);
    }
}
