package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.train.TrainingListener;
import org.cajal.runfolder.RunFolderWriter;

/**
 * A run's diagnostics: each {@link Note} goes to the listener as a {@link TrainingEvent.Diagnostic} and into the run
 * folder's diagnostics.json, rewritten (atomically) after each one: a JSON array of
 * {@code {"epoch": e, "kind": k, "message": m, "values": {...}}}, in the order they came, with {@code "fold": f}
 * after {@code epoch} in a k-fold run (the fold's number is also in {@code values}). Numbers JSON cannot hold (NaN,
 * infinity) are written as null. The file is written empty ({@code []}) when the run starts, so its absence means a
 * run from before diagnostics existed, not a clean one. Used by the run's one worker thread.
 */
final class DiagnosticsLog {

    private final RunFolderWriter folder;
    private final TrainingListener listener;
    private final List<Map<String, Object>> entries = new ArrayList<>();

    DiagnosticsLog(RunFolderWriter folder, TrainingListener listener) throws IOException {
        this.folder = folder;
        this.listener = listener;
        folder.writeJson(RunFiles.DIAGNOSTICS, entries);
    }

    /**
     * Records a note of the given epoch.
     *
     * @param fold 1-based fold of a k-fold run, 0 otherwise
     */
    void add(int fold, int epoch, Note note) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (fold > 0) {
            values.put("fold", fold);
        }
        values.putAll(note.values());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("epoch", epoch);
        if (fold > 0) {
            entry.put("fold", fold);
        }
        entry.put("kind", note.kind());
        entry.put("message", note.message());
        entry.put("values", finite(values));
        entries.add(entry);
        folder.writeJson(RunFiles.DIAGNOSTICS, entries);
        listener.onEvent(new TrainingEvent.Diagnostic(folder.id(), epoch, note.kind(), note.message(), values));
    }

    /** The notes so far (a checkpoint keeps them). */
    List<Map<String, Object>> entries() {
        return new ArrayList<>(entries);
    }

    /** Back to the notes a checkpoint kept (a resumed run), written again. */
    void resume(List<Map<String, Object>> kept) throws IOException {
        entries.clear();
        entries.addAll(kept);
        folder.writeJson(RunFiles.DIAGNOSTICS, entries);
    }

    /** How many notes so far (for tests and the provenance). */
    int size() {
        return entries.size();
    }

    @SuppressWarnings("unchecked")
    private static Object finite(Object value) {
        if (value instanceof Double d) {
            return Note.json(d);
        }
        if (value instanceof Float f) {
            return Note.json(f);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), finite(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(DiagnosticsLog::finite).toList();
        }
        return value;
    }
}
