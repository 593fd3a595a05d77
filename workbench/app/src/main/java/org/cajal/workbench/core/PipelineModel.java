package org.cajal.workbench.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.Pipeline;

/**
 * The pipeline being edited: an immutable {@link Pipeline} record replaced on every edit, the file it came from
 * (if any) and whether it has unsaved changes. Used on the event-dispatch thread only; listeners run there.
 */
public final class PipelineModel {

    /**
     * Why the pipeline changed: a new document (opened, new), an edit of the current one, a save, or an undo or
     * redo (forms then show the values afresh, even in the field that has the focus).
     */
    public enum Change { REPLACED, EDITED, SAVED, UNDONE }

    /** Told after every change. */
    public interface Listener {
        void pipelineChanged(PipelineModel model, Change change);
    }

    private final List<Listener> listeners = new ArrayList<>();
    private Pipeline pipeline;
    private Path file;
    private boolean dirty;
    /** The pipeline as last opened or saved (an undo back to it is not an unsaved change). */
    private Pipeline saved;
    private final EditHistory history;

    public PipelineModel(Pipeline initial) {
        this(initial, System::currentTimeMillis);
    }

    /** With a clock for the undo history's bursts (tests). */
    public PipelineModel(Pipeline initial, java.util.function.LongSupplier millis) {
        this.pipeline = Objects.requireNonNull(initial);
        this.saved = initial;
        this.history = new EditHistory(millis);
    }

    public Pipeline get() {
        return pipeline;
    }

    /** The file it was opened from or last saved to. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Folder that relative paths in the pipeline (e.g. a CSV file) resolve against. */
    public Path baseDirectory() {
        Path f = file == null ? null : file.toAbsolutePath().getParent();
        return f != null ? f : Path.of("").toAbsolutePath();
    }

    public boolean dirty() {
        return dirty;
    }

    /** Replaces the document (New, Open, an example); not dirty afterwards. */
    public void replace(Pipeline newPipeline, Path fromFile) {
        checkThread();
        this.pipeline = Objects.requireNonNull(newPipeline);
        this.file = fromFile;
        this.dirty = false;
        this.saved = newPipeline;
        history.clear();
        fire(Change.REPLACED);
    }

    /** Applies an edit; marks the document dirty if it changed anything. */
    public void edit(UnaryOperator<Pipeline> edit) {
        checkThread();
        Pipeline next = Objects.requireNonNull(edit.apply(pipeline));
        if (next.equals(pipeline)) {
            return;
        }
        history.edited(pipeline);
        pipeline = next;
        dirty = true;
        fire(Change.EDITED);
    }

    /**
     * An adjustment the workbench makes on its own (the loss made to fit the target): applied like an edit, but a
     * document without unsaved changes stays without them, and it is not a step to undo.
     */
    public void adjust(UnaryOperator<Pipeline> edit) {
        checkThread();
        Pipeline next = Objects.requireNonNull(edit.apply(pipeline));
        if (next.equals(pipeline)) {
            return;
        }
        if (!dirty) {
            saved = next;
        }
        pipeline = next;
        fire(Change.EDITED);
    }

    /** Goes back one edit (Edit > Undo); false when there is nothing to undo. */
    public boolean undo() {
        checkThread();
        return restore(history.undo(pipeline));
    }

    /** Applies the edit the last undo took back (Edit > Redo); false when there is none. */
    public boolean redo() {
        checkThread();
        return restore(history.redo(pipeline));
    }

    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    private boolean restore(Pipeline previous) {
        if (previous == null) {
            return false;
        }
        pipeline = previous;
        dirty = !previous.equals(saved);
        fire(Change.UNDONE);
        return true;
    }

    /** Records that the document was written to {@code savedTo}. */
    public void saved(Path savedTo) {
        checkThread();
        this.file = savedTo;
        this.dirty = false;
        this.saved = pipeline;
        fire(Change.SAVED);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    private void fire(Change change) {
        for (Listener l : List.copyOf(listeners)) {
            l.pipelineChanged(this, change);
        }
    }

    private static void checkThread() {
        if (!SwingUtilities.isEventDispatchThread()) {
            throw new IllegalStateException("the pipeline model is used on the event-dispatch thread only");
        }
    }
}
