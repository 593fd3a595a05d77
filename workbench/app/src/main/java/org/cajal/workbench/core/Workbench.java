package org.cajal.workbench.core;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import javax.swing.SwingUtilities;

import org.osgi.framework.BundleContext;

/**
 * What every panel of the window is given: the live catalog of installed components, the runtime's pipeline
 * services, the pipeline being edited and the selected step, the run bus, folders, preferences, a background
 * executor for slow work (never the event-dispatch thread) and a notifier for messages.
 *
 * <p>Threading: the catalog may change on any thread (a bundle comes or goes); {@link #onCatalogChange}
 * listeners are called on the event-dispatch thread. Everything else is used on the event-dispatch thread
 * unless its documentation says otherwise.
 */
public final class Workbench {

    private final BundleContext bundleContext;
    private final RuntimeServices runtime;
    private final PipelineModel pipeline;
    private final Selection selection = new Selection();
    private final RunEvents runs = new RunEvents();
    private final Summaries summaries = new Summaries();
    private final Path home;
    private final Path runsDirectory;
    private final Preferences preferences;
    private final ExecutorService background;
    private final List<Runnable> catalogListeners = new CopyOnWriteArrayList<>();
    private volatile Catalog catalog = Catalog.EMPTY;
    private volatile Notifier notifier;
    private volatile ExperimentServices experiments = ExperimentServices.NONE;
    private volatile Consumer<Path> pipelineOpener;
    private volatile Dialogs dialogs = Dialogs.SWING;

    public Workbench(BundleContext bundleContext, RuntimeServices runtime, PipelineModel pipeline, Path home,
                     Path runsDirectory, Preferences preferences, ExecutorService background, Notifier notifier) {
        this.bundleContext = bundleContext;
        this.runtime = runtime;
        this.pipeline = pipeline;
        this.home = home;
        this.runsDirectory = runsDirectory;
        this.preferences = preferences;
        this.background = background;
        this.notifier = notifier;
    }

    /** The framework, for the plugins view (bundles, install, start/stop). */
    public BundleContext bundleContext() {
        return bundleContext;
    }

    /** The runtime's pipeline services: format, check, executor, reader. Any thread. */
    public RuntimeServices runtime() {
        return runtime;
    }

    /** The installed components now. Any thread. */
    public Catalog catalog() {
        return catalog;
    }

    /** Called (on the event-dispatch thread) whenever a component comes or goes. */
    public void onCatalogChange(Runnable listener) {
        catalogListeners.add(listener);
    }

    /** Installs a new snapshot (from any thread) and tells the listeners on the event-dispatch thread. */
    public void catalogChanged(Catalog next) {
        this.catalog = next;
        SwingUtilities.invokeLater(() -> catalogListeners.forEach(Runnable::run));
    }

    public PipelineModel pipeline() {
        return pipeline;
    }

    public Selection selection() {
        return selection;
    }

    /** The edited pipeline's latest model summary, for the views that draw the model. */
    public Summaries summaries() {
        return summaries;
    }

    public RunEvents runs() {
        return runs;
    }

    /** The distribution folder (with bundles/, plugins/, examples/). */
    public Path home() {
        return home;
    }

    public Path examplesDirectory() {
        return home.resolve("examples");
    }

    public Path pluginsDirectory() {
        return home.resolve("plugins");
    }

    /** Where runs started from the workbench write their folders. */
    public Path runsDirectory() {
        return runsDirectory;
    }

    /** The workbench's preferences node (window layout, recent files, theme). */
    public Preferences preferences() {
        return preferences;
    }

    /** For slow work (opening data, loading a model, rendering a visualiser): never the event-dispatch thread. */
    public ExecutorService background() {
        return background;
    }

    public Notifier notifier() {
        return notifier;
    }

    public void setNotifier(Notifier notifier) {
        this.notifier = notifier;
    }

    /** The experiments bundle's services (run store, searches, repeats, reproducibility), each maybe absent. */
    public ExperimentServices experiments() {
        return experiments;
    }

    public void setExperiments(ExperimentServices services) {
        this.experiments = services == null ? ExperimentServices.NONE : services;
    }

    /**
     * Opens a pipeline file in the editor as File &gt; Open does (asking first about unsaved changes).
     * Event-dispatch thread.
     *
     * @throws IllegalStateException when no window is there to open it in
     */
    public void openPipeline(Path file) {
        Consumer<Path> opener = pipelineOpener;
        if (opener == null) {
            throw new IllegalStateException("no editor to open " + file + " in");
        }
        opener.accept(file);
    }

    /** How views ask the user a question or show a message ({@link Dialogs#SWING} unless a test sets another). */
    public Dialogs dialogs() {
        return dialogs;
    }

    public void setDialogs(Dialogs dialogs) {
        this.dialogs = dialogs == null ? Dialogs.SWING : dialogs;
    }

    /** Set by the window: how {@link #openPipeline} opens a file. */
    public void setPipelineOpener(Consumer<Path> opener) {
        this.pipelineOpener = opener;
    }
}
