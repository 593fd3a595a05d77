package org.cajal.workbench.editor;

import java.awt.Component;
import java.awt.Container;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import javax.swing.SwingUtilities;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Describable;
import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Workbench;

/** Fakes for the editor and palette tests: a catalog of in-test components, a runner with canned summaries. */
public final class EditorFixtures {

    private EditorFixtures() {
    }

    /** A component that only describes itself. */
    public record FakeComponent(ComponentDescriptor descriptor) implements Describable {
    }

    public static Catalog.Entry entry(ComponentKind kind, String id, String name, String category, String help) {
        return new Catalog.Entry(kind, new ComponentDescriptor(id, name, category, help, List.of()),
                new FakeComponent(new ComponentDescriptor(id, name, category, help, List.of())), "test.bundle");
    }

    public static Catalog catalog() {
        return new Catalog(List.of(
                entry(ComponentKind.DATASET, "moons", "Two moons", "Synthetic data", "Two interleaving half circles."),
                entry(ComponentKind.DATASET, "csv", "CSV file", "Files", "Reads a table from a CSV file."),
                entry(ComponentKind.PREPROCESSOR, "standardise", "Standardise", "Scaling", "Zero mean, unit variance."),
                entry(ComponentKind.LAYER_TYPE, "dense", "Dense", "Core layers", "A fully connected layer."),
                entry(ComponentKind.LAYER_TYPE, "output", "Output", "Core layers", "The output layer: units from the labels."),
                entry(ComponentKind.LAYER_TYPE, "conv2d", "Convolution 2D", "Convolutional layers",
                        "A 2D convolution over images."),
                entry(ComponentKind.OPTIMIZER, "adam", "Adam", "Optimizers", "Adaptive moments."),
                entry(ComponentKind.OPTIMIZER, "sgd", "SGD", "Optimizers", "Stochastic gradient descent."),
                entry(ComponentKind.ARCHITECTURE, "resnet", "ResNet", "Architectures", "A residual network."),
                entry(ComponentKind.VISUALISER, "loss-curve", "Loss curve", "Training", "Loss per epoch.")));
    }

    public static Pipeline pipeline(String... layers) {
        List<ComponentRef> refs = new ArrayList<>();
        for (String l : layers) {
            refs.add(ComponentRef.of(l));
        }
        return new Pipeline(Pipeline.SCHEMA_VERSION, "test", "", 42, new ComponentRef("moons", Map.of("n", 200)),
                List.of(), SplitSpec.DEFAULT, new ModelSpec(ModelSpec.LAYER_STACK, null, refs),
                new TrainingSpec("categorical-cross-entropy", ComponentRef.of("adam"), 60, 16));
    }

    /** Layer i: output [10·(i+1)], 100·(i+1) parameters; a layer with a parameter "bad" has a problem. */
    public static ModelSummary cannedSummary(Pipeline p) {
        List<ModelSummary.Layer> layers = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < p.model().layers().size(); i++) {
            String type = p.model().layers().get(i).type();
            if (p.model().layers().get(i).params().containsKey("bad")) {
                layers.add(new ModelSummary.Layer(i, type, Optional.empty(), -1, "layer " + i + " does not fit"));
                problems.add(new Problem("$.model.layers[" + i + "]", "layer " + i + " does not fit"));
                total = -1;
            } else {
                layers.add(new ModelSummary.Layer(i, type, Optional.of(Shape.of(10L * (i + 1))), 100L * (i + 1),
                        null));
                total = total < 0 ? -1 : total + 100L * (i + 1);
            }
        }
        return new ModelSummary(Optional.of(Shape.of(784)), layers, total, problems);
    }

    /** A format and check whose summaries come from a function; format/parse round-trip the pipeline object. */
    public static final class FakeRunner implements PipelineFormat, PipelineCheck {
        private final Map<String, Pipeline> formatted = new ConcurrentHashMap<>();
        public volatile Function<Pipeline, ModelSummary> summaries = EditorFixtures::cannedSummary;

        /** This fake as the workbench's runtime services (no executor, no reader). */
        public RuntimeServices services() {
            return new RuntimeServices(() -> this, () -> this, () -> null, () -> null);
        }

        @Override
        public PipelineDocument read(Path file) throws PipelineException {
            throw new PipelineException(file.toString(), new Problem("file", "not used in tests"));
        }

        @Override
        public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
            Pipeline p = formatted.get(json);
            if (p == null) {
                throw new PipelineException(source, new Problem("line 1, column 1", "unknown text"));
            }
            return new PipelineDocument(p, json, source, baseDirectory);
        }

        @Override
        public String format(Pipeline pipeline) {
            String text = pipeline.toString();
            formatted.put(text, pipeline);
            return text;
        }

        @Override
        public List<Problem> validate(PipelineDocument document) {
            return summaries.apply(document.pipeline()).problems();
        }

        @Override
        public ModelSummary summarise(PipelineDocument document) {
            return summaries.apply(document.pipeline());
        }

        @Override
        public CheckedPipeline check(PipelineDocument document) throws PipelineException {
            throw new PipelineException(document.source(), new Problem("run", "not used in tests"));
        }
    }

    /** Records what panels tell the user. */
    public static final class RecordingNotifier implements Notifier {
        public final List<String> errors = new ArrayList<>();
        public final List<String> statuses = new ArrayList<>();

        @Override
        public synchronized void error(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public synchronized void status(String message) {
            statuses.add(message);
        }
    }

    /** A workbench around the fakes (no OSGi framework, no preferences). */
    public static Workbench workbench(Catalog catalog, FakeRunner runner, Pipeline pipeline,
                                      ExecutorService background, Notifier notifier) {
        Workbench wb = new Workbench(null, runner.services(), new PipelineModel(pipeline), Path.of("."), Path.of("runs"),
                null, background, notifier);
        wb.catalogChanged(catalog);
        return wb;
    }

    public static ExecutorService background() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "test-background");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs on the event-dispatch thread and returns the result. */
    public static <T> T onEdt(Callable<T> task) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                return task.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(task.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(e.getCause());
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    public static void onEdt(Runnable task) {
        onEdt(() -> {
            task.run();
            return null;
        });
    }

    /** Waits (up to 5 s) until the condition, checked on the event-dispatch thread, holds. */
    public static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < end) {
            if (onEdt(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out waiting for: " + what);
    }

    /** The component with that Swing name inside the container. */
    public static <T extends Component> T find(Component root, String name, Class<T> type) {
        T found = search(root, name, type);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " named " + name);
        }
        return found;
    }

    private static <T extends Component> T search(Component root, String name, Class<T> type) {
        if (name.equals(root.getName()) && type.isInstance(root)) {
            return type.cast(root);
        }
        if (root instanceof Container c) {
            for (Component child : c.getComponents()) {
                T found = search(child, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
