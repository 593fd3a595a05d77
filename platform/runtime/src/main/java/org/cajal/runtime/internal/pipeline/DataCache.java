package org.cajal.runtime.internal.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.Describable;
import org.cajal.api.ParameterKind;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.runtime.internal.pipeline.PipelineValidator.DataRequest;
import org.cajal.runtime.internal.pipeline.PipelineValidator.PreparedData;

/**
 * The schema the data gives after preprocessing (or why it could not be had), for the last few data setups the
 * editor asked about, so that editing layers, optimizer or training does not reopen the dataset each time
 * (reading Fashion-MNIST takes seconds).
 *
 * <p>The key is everything the schema depends on: the dataset and preprocessing components (the service objects,
 * so a reinstalled plugin counts as new) with their raw parameters, the folder relative paths resolve against, the
 * seed and split (preprocessing is fitted on the training split), and for every file parameter the file's
 * modification time and size — a changed, created or deleted file is noticed. Thread-safe: summaries run on
 * background threads while training may run; two threads asking for the same new key may both compute it.
 */
public final class DataCache {

    /** How many data setups are remembered. */
    public static final int CAPACITY = 4;

    private record Key(Object provider, Map<String, Object> params, Path baseDirectory, List<Object> preprocessors,
                       List<ComponentRef> preprocessing, long seed, SplitSpec split, List<String> files) {
    }

    /** A schema, or the problems that stopped it. */
    private record Entry(DataSchema schema, List<Problem> problems, boolean cacheable) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The prepared data (schema only, no open dataset), or null with the problems added. */
    PreparedData prepare(PipelineDocument doc, Pipeline pipeline, DataRequest request, List<Problem> problems) {
        Key key = key(doc, pipeline, request);
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            entry = load(doc, pipeline, request);
            if (entry.cacheable()) {
                synchronized (entries) {
                    entries.put(key, entry);
                }
            }
        }
        problems.addAll(entry.problems());
        return entry.schema() == null ? null : new PreparedData(null, List.of(), List.of(), entry.schema());
    }

    /** Number of remembered setups (for tests). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private static Entry load(PipelineDocument doc, Pipeline pipeline, DataRequest request) {
        try {
            PreparedData data = DataPreparation.prepare(doc, pipeline, request);
            data.dataset().close();
            return new Entry(data.schema(), List.of(), true);
        } catch (PipelineException e) {
            return new Entry(null, e.problems(), true);
        } catch (RuntimeException e) {
            // unexpected, perhaps passing (a file being written): asked again next time rather than remembered
            return new Entry(null, List.of(new Problem("$.dataset", "dataset '" + request.provider().id()
                    + "' could not be read: " + describe(e))), false);
        }
    }

    private static Key key(PipelineDocument doc, Pipeline pipeline, DataRequest request) {
        List<String> files = new ArrayList<>();
        stamps(request.provider(), request.parameters(), files);
        for (int i = 0; i < request.preprocessing().steps().size(); i++) {
            stamps(request.preprocessing().steps().get(i), request.preprocessing().parameters().get(i), files);
        }
        return new Key(request.provider(), request.dataset().params(), doc.baseDirectory(),
                new ArrayList<>(request.preprocessing().steps()), request.preprocessingRefs(), pipeline.seed(),
                pipeline.split(), files);
    }

    /** For every file parameter: its path with modification time and size, or that it is missing. */
    private static void stamps(Describable component, Parameters parameters, List<String> out) {
        for (ParameterSpec spec : component.descriptor().parameters()) {
            if (spec.kind() != ParameterKind.FILE || !parameters.has(spec.key())) {
                continue;
            }
            Path file = parameters.getPath(spec.key());
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                out.add(file + "|" + a.lastModifiedTime().toMillis() + "|" + a.size());
            } catch (IOException e) {
                out.add(file + "|missing");
            }
        }
    }

    /** A short description of an unexpected failure: its message, never its Java type. */
    public static String describe(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank()
                || e instanceof NullPointerException || e instanceof ClassCastException
                ? "an unexpected fault with no message for you (please report it)" : e.getMessage();
    }
}
