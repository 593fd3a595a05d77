package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.runtime.internal.pipeline.DataCache;
import org.cajal.runtime.internal.pipeline.PipelineReader;
import org.cajal.runtime.internal.pipeline.PipelineValidator;
import org.cajal.runtime.internal.pipeline.PipelineWriter;
import org.junit.jupiter.api.Test;

/** The pipeline file's top-level "search" object: read as plain values, written back as given, never interpreted. */
class PipelineSearchSectionTest {

    private final PipelineReader reader = new PipelineReader();
    private final PipelineWriter writer = new PipelineWriter();

    private static final String SEARCH = """
            "search": { "method": "random", "trials": 20, "seedBase": 5000000000, "parallel": null,
                        "parameters": { "training.optimizer.params.learningRate":
                                          { "logUniform": [1e-4, 0.1] },
                                        "model.layers[0].params.units": { "choices": [8, 16, 32] },
                                        "shuffle": true, "scale": 1.0 },
                        "metric": "validation_loss" }""";

    private Pipeline parse(String json) throws PipelineException {
        return reader.parse(json, "test.json", Path.of(".")).pipeline();
    }

    private static String withSearch(String search) {
        return SummaryTest.BLOBS.replace("\"batchSize\": 8 }", "\"batchSize\": 8 },\n  " + search);
    }

    @Test
    void searchIsKeptAsPlainValuesInFileOrder() throws Exception {
        Pipeline p = parse(withSearch(SEARCH));
        assertEquals(List.of("method", "trials", "seedBase", "parallel", "parameters", "metric"),
                new ArrayList<>(p.search().keySet()));
        assertEquals(20, p.search().get("trials"));
        assertEquals(5_000_000_000L, p.search().get("seedBase"));
        assertTrue(p.search().containsKey("parallel") && p.search().get("parallel") == null);
        Map<?, ?> parameters = (Map<?, ?>) p.search().get("parameters");
        assertEquals(Map.of("logUniform", List.of(1e-4, 0.1)),
                parameters.get("training.optimizer.params.learningRate"));
        assertEquals(List.of(8, 16, 32), ((Map<?, ?>) parameters.get("model.layers[0].params.units")).get("choices"));
        assertEquals(true, parameters.get("shuffle"));
        assertEquals(1.0, parameters.get("scale"));
        assertThrows(UnsupportedOperationException.class, () -> p.search().put("x", 1));
        assertThrows(UnsupportedOperationException.class,
                () -> ((List<Object>) ((Map<?, ?>) parameters.get("model.layers[0].params.units")).get("choices"))
                        .add(64));
    }

    @Test
    void readFormatReadRoundTripsAndSearchComesLast() throws Exception {
        Pipeline p = parse(withSearch(SEARCH));
        String text = writer.format(p);
        assertTrue(text.indexOf("\"search\"") > text.indexOf("\"training\""), text);
        assertTrue(text.contains("\"scale\" : 1.0") || text.contains("\"scale\": 1.0"), text);
        Pipeline again = parse(text);
        assertEquals(p, again);
        assertEquals(text, writer.format(again));
        assertEquals(p.search(), p.withSeed(9).search(), "withSeed keeps the search section");
    }

    @Test
    void noSearchMeansEmptyAndNothingWritten() throws Exception {
        Pipeline p = parse(SummaryTest.BLOBS);
        assertEquals(Map.of(), p.search());
        assertTrue(!writer.format(p).contains("search"));
        Pipeline nine = new Pipeline(p.schemaVersion(), p.name(), p.description(), p.seed(), p.dataset(),
                p.preprocessing(), p.split(), p.model(), p.training());
        assertEquals(p, nine, "the 9-argument constructor gives an empty search");
    }

    @Test
    void aSearchThatIsNotAnObjectIsAnErrorAtItsPath() {
        for (String bad : List.of("\"search\": [1, 2]", "\"search\": \"grid\"", "\"search\": 3")) {
            PipelineException e = assertThrows(PipelineException.class, () -> parse(withSearch(bad)));
            assertEquals(List.of("$.search"), e.problems().stream().map(Problem::location).toList(), bad);
            assertTrue(e.problems().get(0).message().contains("expected an object"), e.getMessage());
        }
    }

    @Test
    void theValidatorDoesNotLookInsideSearch() throws Exception {
        var doc = reader.parse(withSearch("\"search\": { \"anything\": { \"goes\": [\"here\"] } }"), "t.json",
                Path.of("."));
        assertEquals(List.of(), new PipelineValidator(TestComponents.installed().catalog())
                .summarise(doc, new DataCache()).problems());
        assertEquals(List.of("anything"), Arrays.asList(doc.pipeline().search().keySet().toArray()));
    }
}
