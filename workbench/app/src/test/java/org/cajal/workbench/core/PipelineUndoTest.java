package org.cajal.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.Test;

/** Undo and redo of pipeline edits: steps, bursts of typing, the saved state, a new document. */
class PipelineUndoTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);

    private static Pipeline named(Pipeline p, String name) {
        return Pipelines.withName(p, name, "");
    }

    @Test
    void editsUndoAndRedoStepByStepAndATypingBurstIsOneStep() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            Pipeline start = FakeWorkbench.pipeline();
            PipelineModel model = new PipelineModel(start, clock::get);
            List<PipelineModel.Change> changes = new ArrayList<>();
            model.addListener((m, c) -> changes.add(c));
            assertFalse(model.canUndo());
            model.edit(p -> named(p, "a"));
            clock.addAndGet(5_000);
            // typing "b", "bc", "bcd": one step
            model.edit(p -> named(p, "b"));
            clock.addAndGet(200);
            model.edit(p -> named(p, "bc"));
            clock.addAndGet(200);
            model.edit(p -> named(p, "bcd"));
            assertTrue(model.undo());
            assertEquals("a", model.get().name(), "the burst is undone at once");
            assertEquals(PipelineModel.Change.UNDONE, changes.get(changes.size() - 1));
            assertTrue(model.undo());
            assertEquals(start.name(), model.get().name());
            assertFalse(model.dirty(), "back at the opened pipeline: nothing unsaved");
            assertFalse(model.undo(), "nothing more to undo");
            assertTrue(model.redo());
            assertTrue(model.redo());
            assertEquals("bcd", model.get().name());
            assertTrue(model.dirty());
            assertFalse(model.redo());
            model.undo();
            clock.addAndGet(5_000);
            model.edit(p -> named(p, "z"));
            assertFalse(model.canRedo(), "a new edit drops what could be redone");
            model.replace(start, null);
            assertFalse(model.canUndo(), "a new document starts a new history");
        });
    }
}
