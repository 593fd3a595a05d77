package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;

import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.Problem;
import org.cajal.runtime.internal.pipeline.DataCache;
import org.cajal.runtime.internal.pipeline.PipelineReader;
import org.cajal.runtime.internal.pipeline.PipelineValidator;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    static final String BLOBS = """
            {
              "schema": 1, "name": "blobs", "seed": 3,
              "dataset": { "type": "blobs", "params": { "samples": 40 } },
              "model": { "layers": [ { "type": "dense", "params": { "units": 5 } }, { "type": "output" } ] },
              "training": { "loss": "categorical-cross-entropy", "optimizer": { "type": "sgd" }, "epochs": 2,
                            "batchSize": 8 }
            }
            """;

    private final PipelineReader reader = new PipelineReader();
    private final PipelineValidator validator = new PipelineValidator(TestComponents.installed().catalog());

    private PipelineDocument doc(String json, Path base) throws Exception {
        return reader.parse(json, "test.json", base);
    }

    @Test
    void goodStackHasShapesAndParameterCounts(@TempDir Path dir) throws Exception {
        ModelSummary s = validator.summarise(doc(BLOBS, dir), new DataCache());
        assertEquals(List.of(), s.problems());
        assertTrue(s.runnable());
        assertEquals(Optional.of(Shape.of(2)), s.input());
        assertEquals(2, s.layers().size());
        assertEquals(Optional.of(Shape.of(5)), s.layers().get(0).output());
        assertEquals(2 * 5 + 5, s.layers().get(0).parameters());
        assertEquals(Optional.of(Shape.of(2)), s.layers().get(1).output());
        assertEquals(5 * 2 + 2, s.layers().get(1).parameters());
        assertEquals(15 + 12, s.totalParameters());
        assertFalse(s.layers().get(0).hasProblem());
    }

    static final String ROWS = """
            {
              "schema": 1, "name": "rows",
              "dataset": { "type": "rows", "params": { "file": "rows.csv" } },
              "model": { "layers": [ { "type": "dense" }, { "type": "output" } ] },
              "training": { "loss": "mse", "optimizer": { "type": "sgd" }, "epochs": 1 }
            }
            """;

    @Test
    void aMismatchSitsOnTheLayerThatDoesNotFit(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("rows.csv"), "x,y\n1,2\n2,3\n3,4\n4,5\n5,6\n");
        String json = ROWS.replace("{ \"type\": \"output\" }", "{ \"type\": \"dense\", \"params\": { \"units\": 3 } }, "
                + "{ \"type\": \"output\", \"params\": { \"units\": 3 } }");
        ModelSummary s = validator.summarise(doc(json, dir), new DataCache());
        assertEquals(3, s.layers().size());
        assertFalse(s.layers().get(0).hasProblem());
        assertEquals(Optional.of(Shape.of(4)), s.layers().get(0).output());
        assertFalse(s.layers().get(1).hasProblem());
        assertEquals(Optional.of(Shape.of(3)), s.layers().get(1).output());
        assertTrue(s.layers().get(2).hasProblem());
        assertTrue(s.layers().get(2).problem().contains("layer 2 (output) has 3 units"), s.layers().get(2).problem());
        assertEquals(Optional.empty(), s.layers().get(2).output());
        assertEquals(-1, s.layers().get(2).parameters());
        assertEquals(-1, s.totalParameters(), "the output layer does not fit, so the total is unknown");
        assertEquals(List.of("$.model.layers[2]"), s.problems().stream().map(Problem::location).toList());
        assertEquals(validate(json, dir), s.problems());
    }

    @Test
    void aBadParameterSitsOnItsLayerAndLaterLayersAreUnknown(@TempDir Path dir) throws Exception {
        String mismatch = BLOBS.replace("\"units\": 5", "\"units\": 0");
        ModelSummary bad = validator.summarise(doc(mismatch, dir), new DataCache());
        assertTrue(bad.layers().get(0).hasProblem(), bad.toString());
        assertTrue(bad.layers().get(0).problem().contains("out of range"), bad.layers().get(0).problem());
        assertNull(bad.layers().get(1).problem());
        assertEquals(Optional.empty(), bad.layers().get(1).output());
        assertEquals(-1, bad.layers().get(1).parameters());
        assertEquals(Optional.of(Shape.of(2)), bad.input(), "the data still gives its shape");
        assertEquals(validate(mismatch, dir), bad.problems());
    }

    @Test
    void unknownDatasetAndLayerTypesAreProblemsNotExceptions(@TempDir Path dir) throws Exception {
        String json = BLOBS.replace("\"blobs\", \"params\": { \"samples\": 40 }", "\"blobz\"")
                .replace("\"type\": \"dense\"", "\"type\": \"dnse\"");
        ModelSummary s = validator.summarise(doc(json, dir), new DataCache());
        assertEquals(Optional.empty(), s.input());
        assertEquals(-1, s.totalParameters());
        assertTrue(s.problems().stream().anyMatch(p -> p.location().equals("$.dataset.type")
                && p.message().contains("did you mean 'blobs'")), s.problems().toString());
        assertTrue(s.layers().get(0).problem().contains("no layer type 'dnse'"), s.layers().get(0).problem());
        assertEquals(validate(json, dir), s.problems());
    }

    @Test
    void missingFileIsAProblemAndAChangedFileIsNoticed(@TempDir Path dir) throws Exception {
        String json = ROWS;
        DataCache cache = new DataCache();
        ModelSummary missing = validator.summarise(doc(json, dir), cache);
        assertEquals(List.of("$.dataset"), missing.problems().stream().map(Problem::location).toList());

        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "x,y\n1,2\n2,3\n3,4\n4,5\n5,6\n");
        int opened = TestComponents.OPENED.get();
        ModelSummary found = validator.summarise(doc(json, dir), cache);
        assertEquals(List.of(), found.problems());
        assertEquals(opened + 1, TestComponents.OPENED.get());

        validator.summarise(doc(json.replace("\"epochs\": 1", "\"epochs\": 5"), dir), cache);
        validator.summarise(doc(json.replace("{ \"type\": \"dense\" }", "{ \"type\": \"dense\", \"params\": { \"units\": 9 } }"), dir), cache);
        assertEquals(opened + 1, TestComponents.OPENED.get(), "editing layers or training does not reopen the data");

        Files.writeString(file, "x,y\n1,2\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        ModelSummary changed = validator.summarise(doc(json, dir), cache);
        assertEquals(opened + 2, TestComponents.OPENED.get(), "a changed file is read again");
        assertTrue(changed.problems().toString().contains("training examples")
                || changed.problems().toString().contains("at least 2"), changed.problems().toString());
        assertTrue(cache.size() <= DataCache.CAPACITY);
    }

    private List<Problem> validate(String json, Path dir) throws Exception {
        try (RunPlan plan = validator.plan(doc(json, dir), doc(json, dir).pipeline())) {
            return List.of();
        } catch (org.cajal.api.pipeline.PipelineException e) {
            return e.problems();
        }
    }
}
