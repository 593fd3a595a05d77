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

    /** Why the pipeline changed: a new document (opened, new) or an edit of the current one. */
    public enum Change { REPLACED, EDITED, SAVED }

    /** Told after every change. */
    public interface Listener {
        void pipelineChanged(PipelineModel model, Change change);
    }

    private final List<Listener> listeners = new ArrayList<>();
    private Pipeline pipeline;
    private Path file;
    private boolean dirty;

    public PipelineModel(Pipeline initial) {
        this.pipeline = Objects.requireNonNull(initial);
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
        fire(Change.REPLACED);
    }

    /** Applies an edit; marks the document dirty if it changed anything. */
    public void edit(UnaryOperator<Pipeline> edit) {
        checkThread();
        Pipeline next = Objects.requireNonNull(edit.apply(pipeline));
        if (next.equals(pipeline)) {
            return;
        }
        pipeline = next;
        dirty = true;
        fire(Change.EDITED);
    }

    /** Records that the document was written to {@code savedTo}. */
    public void saved(Path savedTo) {
        checkThread();
        this.file = savedTo;
        this.dirty = false;
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
