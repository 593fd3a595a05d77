package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checked pipeline starts from its plan, gives the run a document start gives, and notices a component gone. */
class CheckedRunTest {

    private final TestRuntime runtime = new TestRuntime();

    @Test
    void aCheckedPipelineRunsAsItsDocumentDoes(@TempDir Path dir) throws Exception {
        PipelineDocument doc = runtime.format.parse(SummaryTest.BLOBS, "t.json", dir);
        CheckedPipeline checked = runtime.check.check(doc);
        assertEquals(doc, checked.document());
        assertEquals(runtime.check.summarise(doc), checked.summary());
        RunOptions options = new RunOptions(dir.resolve("runs"), OptionalLong.empty());
        RunResult fromCheck = runtime.executor.start(checked, options, e -> { }).result().get();
        RunResult fromDocument = runtime.executor.start(doc, options, e -> { }).result().get();
        assertEquals(fromDocument.evaluation(), fromCheck.evaluation());
        assertEquals(Files.readString(fromDocument.folder().resolve("metrics.csv")),
                Files.readString(fromCheck.folder().resolve("metrics.csv")));
        // a second start of the same check plans again
        RunResult again = runtime.executor.start(checked, options, e -> { }).result().get();
        assertEquals(fromCheck.evaluation(), again.evaluation());
    }

    @Test
    void aComponentGoneSinceTheCheckFailsTheStart(@TempDir Path dir) throws Exception {
        CheckedPipeline checked = runtime.check.check(runtime.format.parse(SummaryTest.BLOBS, "t.json", dir));
        runtime.installed.layerTypes = runtime.installed.layerTypes.stream()
                .filter(l -> !l.id().equals("dense")).toList();
        PipelineException e = assertThrows(PipelineException.class, () -> runtime.executor.start(checked,
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), ev -> { }));
        assertTrue(e.getMessage().contains("'dense'") && e.getMessage().contains("$.model.layers[0].type"),
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing is written");
    }

    @Test
    void aCheckWithProblemsThrowsThem(@TempDir Path dir) throws Exception {
        PipelineDocument doc = runtime.format.parse(SummaryTest.BLOBS.replace("\"sgd\"", "\"sgdd\""), "t.json", dir);
        PipelineException e = assertThrows(PipelineException.class, () -> runtime.check.check(doc));
        assertEquals(runtime.check.validate(doc), e.problems());
        assertEquals(List.of(), runtime.check.validate(runtime.format.parse(SummaryTest.BLOBS, "t.json", dir)));
    }
}
