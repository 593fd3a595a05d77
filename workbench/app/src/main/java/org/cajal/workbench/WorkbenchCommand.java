package org.cajal.workbench;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.prefs.Preferences;

import javax.swing.SwingUtilities;

import org.cajal.api.ComponentKind;
import org.cajal.api.Describable;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerType;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.train.OptimizerProvider;
import org.cajal.api.visual.Visualiser;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.Searches;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.RuntimeServices;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code cajal} with no arguments (or {@code cajal workbench [FILE]}): opens the workbench window and returns when
 * it is closed. Tracks every component service dynamically and hands the window a new {@link Catalog} whenever one
 * comes or goes.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=workbench")
public final class WorkbenchCommand implements LauncherCommand {

    private final Map<Object, Catalog.Entry> entries = new ConcurrentHashMap<>();
    private volatile PipelineFormat format;
    private volatile PipelineCheck check;
    private volatile PipelineExecutor executor;
    private volatile RunReader reader;
    private volatile RunStore runStore;
    private volatile Searches searches;
    private volatile Repeats repeats;
    private volatile Reproducibility reproducibility;
    private volatile MainWindow window;
    /** Held by the one command whose window is open (a second 'workbench' brings that window to the front). */
    private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean();
    private BundleContext context;
    private ExecutorService background;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
        AtomicInteger n = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "cajal-workbench-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(WorkbenchCommand.class.getClassLoader());
            return t;
        });
    }

    @Deactivate
    void deactivate() {
        MainWindow w = window;
        if (w == null) {
            background.shutdownNow();
            return;
        }
        // close first (it stops a run and its views may still hand work to the executor), then stop the threads
        SwingUtilities.invokeLater(() -> {
            try {
                w.closeWithoutAsking();
            } finally {
                background.shutdownNow();
            }
        });
    }

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        if (GraphicsEnvironment.isHeadless()) {
            err.println("cajal: no display for the workbench window (DISPLAY is not set, or java.awt.headless=true);"
                    + " run pipelines headless with 'cajal run FILE'");
            return 3;
        }
        if (args.size() > 1 || (!args.isEmpty() && args.get(0).startsWith("-"))) {
            err.println("usage: cajal [workbench [PIPELINE.json]]");
            return 2;
        }
        if (!open.compareAndSet(false, true)) {
            MainWindow w = window;
            if (w != null) {
                SwingUtilities.invokeLater(w::toFront);
            }
            out.println("cajal: the workbench window is already open");
            return 0;
        }
        try {
            return openAndWait(args, err);
        } finally {
            window = null;
            open.set(false);
        }
    }

    private int openAndWait(List<String> args, PrintStream err) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        Path distribution = CajalProperties.home(context::getProperty);
        Path home = (distribution == null ? Path.of(".") : distribution).toAbsolutePath().normalize();
        Path runs = CajalProperties.runsDirectory(context::getProperty);
        Preferences prefs = Preferences.userRoot().node(property(CajalProperties.PREFERENCES, "org/cajal/workbench"));
        Path file = args.isEmpty() ? null : Path.of(args.get(0)).toAbsolutePath();
        try {
            SwingUtilities.invokeAndWait(() -> {
                Thread.currentThread().setContextClassLoader(WorkbenchCommand.class.getClassLoader());
                ExperimentServices experiments = new ExperimentServices(() -> runStore, () -> searches,
                        () -> repeats, () -> reproducibility);
                RuntimeServices runtime = new RuntimeServices(() -> format, () -> check, () -> executor,
                        () -> reader);
                MainWindow w = new MainWindow(context, runtime, experiments, home, runs, prefs, background,
                        closed::countDown);
                window = w; // from here on, components that come or go reach it (execute's finally clears it)
                w.catalogChanged(catalog());
                w.show(file);
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            err.println("cajal: the workbench window could not open: " + cause
                    + " (run with -v for the framework's log)");
            return 1;
        }
        closed.await();
        return 0;
    }

    /** The window now open, if any (tests and the shell). */
    MainWindow window() {
        return window;
    }

    private String property(String key, String fallback) {
        String v = context.getProperty(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    private Catalog catalog() {
        return new Catalog(new ArrayList<>(entries.values()));
    }

    private void added(ComponentKind kind, Describable service) {
        String bundle = "";
        var b = FrameworkUtil.getBundle(service.getClass());
        if (b != null) {
            bundle = b.getSymbolicName();
        }
        try {
            entries.put(service, new Catalog.Entry(kind, service.descriptor(), service, bundle));
        } catch (RuntimeException e) {
            // a component whose descriptor cannot be built is left out of the palette; the runtime reports it
            return;
        }
        changed();
    }

    private void removed(Describable service) {
        if (entries.remove(service) != null) {
            changed();
        }
    }

    private void changed() {
        MainWindow w = window;
        if (w != null) {
            w.catalogChanged(catalog());
        }
    }

    // the runtime's pipeline services: each optional; the views that showed 'runtime not running' check again

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setFormat(PipelineFormat s) {
        this.format = s;
        changed();
    }

    void unsetFormat(PipelineFormat s) {
        if (this.format == s) {
            this.format = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setCheck(PipelineCheck s) {
        this.check = s;
        changed();
    }

    void unsetCheck(PipelineCheck s) {
        if (this.check == s) {
            this.check = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setExecutor(PipelineExecutor s) {
        this.executor = s;
        changed();
    }

    void unsetExecutor(PipelineExecutor s) {
        if (this.executor == s) {
            this.executor = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setReader(RunReader s) {
        this.reader = s;
        changed();
    }

    void unsetReader(RunReader s) {
        if (this.reader == s) {
            this.reader = null;
        }
    }

    // the experiments bundle's services: each optional; the views disable what needs a missing one

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRunStore(RunStore s) {
        this.runStore = s;
        changed();
    }

    void unsetRunStore(RunStore s) {
        if (this.runStore == s) {
            this.runStore = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSearches(Searches s) {
        this.searches = s;
        changed();
    }

    void unsetSearches(Searches s) {
        if (this.searches == s) {
            this.searches = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setRepeats(Repeats s) {
        this.repeats = s;
        changed();
    }

    void unsetRepeats(Repeats s) {
        if (this.repeats == s) {
            this.repeats = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setReproducibility(Reproducibility s) {
        this.reproducibility = s;
        changed();
    }

    void unsetReproducibility(Reproducibility s) {
        if (this.reproducibility == s) {
            this.reproducibility = null;
            changed();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDataset(DatasetProvider s) {
        added(ComponentKind.DATASET, s);
    }

    void removeDataset(DatasetProvider s) {
        removed(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPreprocessor(Preprocessor s) {
        added(ComponentKind.PREPROCESSOR, s);
    }

    void removePreprocessor(Preprocessor s) {
        removed(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addLayer(LayerType s) {
        added(ComponentKind.LAYER_TYPE, s);
    }

    void removeLayer(LayerType s) {
        removed(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addOptimizer(OptimizerProvider s) {
        added(ComponentKind.OPTIMIZER, s);
    }

    void removeOptimizer(OptimizerProvider s) {
        removed(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addArchitecture(ArchitectureProvider s) {
        added(ComponentKind.ARCHITECTURE, s);
    }

    void removeArchitecture(ArchitectureProvider s) {
        removed(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addVisualiser(Visualiser s) {
        added(ComponentKind.VISUALISER, s);
    }

    void removeVisualiser(Visualiser s) {
        removed(s);
    }
}
