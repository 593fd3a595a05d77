package org.cajal.workbench.experiments;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.Trial;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.ReportExport;
import org.cajal.workbench.core.Workbench;

/**
 * What the search, repeats and sweep tabs share: Start (reads the tab's settings and the edited pipeline on the
 * event-dispatch thread, starts the experiment on the background executor), Stop, Report…, a status line, and an
 * experiment listener that hops to the event-dispatch thread and ignores an experiment that is no longer the
 * tab's. Event-dispatch thread.
 */
abstract class ExperimentTab {

    /** Starts the experiment; called on the background executor. */
    interface Launch {
        Experiment start(ExperimentListener listener) throws PipelineException;
    }

    protected final Workbench workbench;
    protected final String prefix;
    protected final JPanel panel = new JPanel(new BorderLayout(4, 4));
    protected final JButton start = new JButton("Start");
    protected final JButton stop = new JButton("Stop");
    protected final JButton report = new JButton("Report…");
    protected final JLabel status = new JLabel(" ");

    private Experiment running;
    private boolean starting;
    /** Increases with every start: events of an older experiment are dropped. */
    private int generation;
    /** The folder of the experiment last started (or resumed) here. */
    protected Path folder;
    /** Where trials run: null for this computer, else the Spark cluster of the panel's master field. */
    private java.util.function.Supplier<Cluster> cluster = () -> null;

    ExperimentTab(Workbench workbench, String prefix) {
        this.workbench = workbench;
        this.prefix = prefix;
        panel.setName(prefix);
        panel.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        start.setName(prefix + ".start");
        start.addActionListener(e -> start());
        stop.setName(prefix + ".stop");
        stop.setToolTipText("Stop: runs in progress are cancelled; finished trials stay, and Start resumes");
        stop.addActionListener(e -> stop());
        report.setName(prefix + ".report");
        report.addActionListener(e -> report());
        status.setName(prefix + ".status");
    }

    JComponent component() {
        return panel;
    }

    /** A row with Start, Stop and Report…. */
    protected JPanel buttons() {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
        p.add(start);
        p.add(stop);
        p.add(report);
        return p;
    }

    /** Takes the trials' cluster from {@code where} (the panel's Spark master field) at every start. */
    void runOn(java.util.function.Supplier<Cluster> where) {
        cluster = where;
    }

    /** The cluster to run on, read when Start is pressed; null for this computer. Event-dispatch thread. */
    protected Cluster cluster() {
        return cluster.get();
    }

    /** Whether the service this tab needs is running. */
    protected abstract boolean serviceAvailable();

    /**
     * Reads the settings and makes the launch; null (after telling the user what to fix) when a setting is
     * wrong. Event-dispatch thread.
     */
    protected abstract Launch prepare(PipelineSource source);

    /** A new experiment starts: clear the tab. */
    protected abstract void starting();

    protected void trialStarted(int trial, int trials, Map<String, Object> params, long seed) {
        status.setText("Trial " + trial + " of " + trials + " running…");
    }

    protected abstract void trialFinished(Trial trial);

    /** The experiment ended (all trials, or stopped); {@code failure} is null unless it failed. */
    protected abstract void finished(List<Trial> trials, Throwable failure);

    /** Enables the buttons for the current state and service. */
    void update() {
        boolean service = serviceAvailable();
        boolean active = starting || running != null;
        start.setEnabled(service && !active);
        start.setToolTipText(service ? "Start, or resume when the same experiment was started before"
                : ExperimentServices.MISSING);
        stop.setEnabled(active);
        boolean repro = workbench.experiments().reproducibility().isPresent();
        report.setEnabled(repro && folder != null && !active);
        report.setToolTipText(!repro ? ExperimentServices.MISSING : folder == null ? "Run an experiment first"
                : "Export a report (methods, result tables, charts) of " + folder.getFileName());
    }

    boolean active() {
        return starting || running != null;
    }

    /** The edited pipeline as the experiments engine takes it: its document's text, source and folder. */
    static PipelineSource source(Workbench workbench) {
        Pipeline pipeline = workbench.pipeline().get();
        String source = workbench.pipeline().file().map(Path::toString).orElse(pipeline.name());
        PipelineDocument document = workbench.runtime().format().document(pipeline, source,
                workbench.pipeline().baseDirectory());
        return new PipelineSource(document.text(), document.source(), document.baseDirectory());
    }

    void start() {
        if (active() || !serviceAvailable()) {
            return;
        }
        PipelineSource source;
        try {
            source = source(workbench);
        } catch (RuntimeException e) {
            workbench.notifier().error("Cannot start", Messages.of(e));
            return;
        }
        Launch launch = prepare(source);
        if (launch == null) {
            return;
        }
        int mine = ++generation;
        starting = true;
        starting();
        status.setText("Starting…");
        update();
        ExperimentListener listener = listener(mine);
        try {
            workbench.background().execute(() -> {
                try {
                    Experiment experiment = launch.start(listener);
                    SwingUtilities.invokeLater(() -> started(mine, experiment));
                } catch (PipelineException e) {
                    SwingUtilities.invokeLater(() -> notStarted(mine, e.getMessage()));
                } catch (RuntimeException e) {
                    SwingUtilities.invokeLater(() -> notStarted(mine, Messages.of(e)));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            notStarted(mine, "The workbench is closing.");
        }
    }

    /** Tells this tab (on the event-dispatch thread) what experiment number {@code mine} does, while it is current. */
    private ExperimentListener listener(int mine) {
        return new ExperimentListener() {
            @Override
            public void trialStarted(int trial, int trials, Map<String, Object> params, long seed) {
                SwingUtilities.invokeLater(() -> {
                    if (mine == generation) {
                        ExperimentTab.this.trialStarted(trial, trials, params, seed);
                    }
                });
            }

            @Override
            public void trialFinished(Trial trial) {
                SwingUtilities.invokeLater(() -> {
                    if (mine == generation) {
                        ExperimentTab.this.trialFinished(trial);
                    }
                });
            }

            @Override
            public void message(String text) {
                SwingUtilities.invokeLater(() -> {
                    if (mine == generation) {
                        status.setText(text);
                        workbench.notifier().status(text);
                    }
                });
            }
        };
    }

    private void notStarted(int mine, String message) {
        if (mine != generation) {
            return;
        }
        starting = false;
        status.setText("Not started: fix the problem and press Start again.");
        update();
        workbench.notifier().error("Cannot start", message);
    }

    private void started(int mine, Experiment experiment) {
        if (mine != generation) {
            experiment.cancel();
            return;
        }
        starting = false;
        running = experiment;
        folder = experiment.folder();
        update();
        experiment.done().whenComplete((trials, failure) -> SwingUtilities.invokeLater(() -> {
            if (mine != generation || running != experiment) {
                return;
            }
            running = null;
            Throwable cause = failure;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            List<Trial> done = trials != null ? trials : experiment.trials();
            finished(done, cause instanceof CancellationException ? null : cause);
            update();
        }));
    }

    void stop() {
        if (running != null) {
            running.cancel();
            status.setText("Stopping: runs in progress are cancelled…");
            stop.setEnabled(false);
        } else if (starting) {
            ++generation; // the experiment being started is cancelled as soon as it is handed back
            starting = false;
            status.setText("Stopped before it started.");
            update();
        }
    }

    private void report() {
        Reproducibility repro = workbench.experiments().reproducibility().orElse(null);
        if (repro != null && folder != null) {
            ReportExport.export(workbench, panel, repro, folder);
        }
    }

    /** The experiment now running (tests). */
    Experiment running() {
        return running;
    }

    Path folder() {
        return folder;
    }
}
