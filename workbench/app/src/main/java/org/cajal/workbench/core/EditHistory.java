package org.cajal.workbench.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

import org.cajal.api.pipeline.Pipeline;

/**
 * The undo and redo stacks of the edited pipeline: every edit keeps the pipeline it replaced, except that edits
 * following each other within {@link #BURST_MILLIS} (typing a number into a field, one change per keystroke) make
 * one step. A new document (New, Open, an example) starts an empty history. At most {@link #LIMIT} steps are kept.
 * Event-dispatch thread.
 */
final class EditHistory {

    static final long BURST_MILLIS = 800;
    static final int LIMIT = 200;

    private final Deque<Pipeline> undo = new ArrayDeque<>();
    private final Deque<Pipeline> redo = new ArrayDeque<>();
    private final LongSupplier millis;
    private long lastEdit = Long.MIN_VALUE;

    EditHistory(LongSupplier millis) {
        this.millis = millis;
    }

    /** An edit replaced {@code before}. */
    void edited(Pipeline before) {
        long now = millis.getAsLong();
        if (undo.isEmpty() || !redo.isEmpty() || now - lastEdit > BURST_MILLIS) {
            undo.push(before);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastEdit = now;
    }

    /** The pipeline before the last step (then {@code current} can be redone), or null when there is none. */
    Pipeline undo(Pipeline current) {
        if (undo.isEmpty()) {
            return null;
        }
        redo.push(current);
        lastEdit = Long.MIN_VALUE;
        return undo.pop();
    }

    /** The pipeline the last undo went back from, or null. */
    Pipeline redo(Pipeline current) {
        if (redo.isEmpty()) {
            return null;
        }
        undo.push(current);
        lastEdit = Long.MIN_VALUE;
        return redo.pop();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void clear() {
        undo.clear();
        redo.clear();
        lastEdit = Long.MIN_VALUE;
    }
}
