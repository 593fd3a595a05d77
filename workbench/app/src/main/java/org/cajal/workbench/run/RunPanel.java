package org.cajal.workbench.run;

import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.DefaultListModel;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.TrainingEvent;
import org.cajal.charts.ChartDrawings;
import org.cajal.workbench.core.ChartExport;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Workbench;
import org.jfree.chart.ChartPanel;

/**
 * The "Training" view: trains the edited pipeline and shows the run live — a progress bar with the epoch, batch
 * and time left, a status line, the loss (and validation metric) per epoch and the training loss per mini-batch,
 * and beside them the {@link LiveView} of a tabular model (its decision boundary, neurons and weights as it trains).
 *
 * <p>{@link #trainAction()} makes a document of the edited pipeline, checks it once (which plans its dataset) and
 * starts that checked plan (check and start run on the background executor, as checking opens the data). Training
 * events reach this view through {@link org.cajal.workbench.core.RunEvents}; when the run's result is in, the run
 * is opened in the results view. Only one run at a time: Train is disabled while a run is active and Stop is
 * enabled only then. Event-dispatch thread.
 *
 * <p>Swing names: {@code run.progress}, {@code run.status}, {@code run.lossChart}, {@code run.batchChart},
 * {@code run.exportPng}/{@code run.exportSvg} (loss chart), {@code run.batchExportPng}/{@code run.batchExportSvg}
 * (batch chart), {@code run.trainButton}, {@code run.stopButton}, {@code run.diagnostics} (the list of training
 * diagnostics in plain language, under the charts; cleared when a new run starts), {@code run.diagnosticsTitle}
 * (its heading, with the count).
 */
public final class RunPanel {

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout());
    private final JProgressBar progressBar = new JProgressBar();
    private final JLabel status = new JLabel("Compose a pipeline, then press Train.");
    private final TrainingCharts charts = new TrainingCharts();
    private final DiagnosticsList diagnostics = new DiagnosticsList();
    private final TrainingProgress progress;
    private final LiveView live;
    private final Action train;
    private final Action stop;

    /** Whether a run is being validated, started or trained (from Train until its result is in). */
    private boolean active;
    /** The run in progress, once started. */
    private RunHandle handle;
    /** Stop was pressed before the runner handed back the run: cancel it as soon as it does. */
    private boolean stopRequested;
    /** 0 outside k-fold runs, else the current fold. */
    private int fold;
    /** Whether this run's loss became NaN or infinite (the runtime then stops it and keeps what it had). */
    private boolean diverged;
    private String lastRunId = "";

    public RunPanel(Workbench workbench) {
        this(workbench, System::nanoTime);
    }

    /** With a clock for the time-left estimate (tests). */
    RunPanel(Workbench workbench, LongSupplier nanoClock) {
        this.workbench = workbench;
        this.progress = new TrainingProgress(nanoClock);
        this.live = new LiveView(workbench.runs());
        this.train = new AbstractAction("Train") {
            @Override
            public void actionPerformed(ActionEvent e) {
                train();
            }
        };
        train.putValue(Action.SHORT_DESCRIPTION, "Validate and train the pipeline (F5)");
        this.stop = new AbstractAction("Stop") {
            @Override
            public void actionPerformed(ActionEvent e) {
                stop();
            }
        };
        stop.putValue(Action.SHORT_DESCRIPTION, "Stop the run after the current mini-batch; what it learnt is kept");
        build();
        setActive(false);
        workbench.runs().addTrainingListener(this::onEvent);
        new ConvergenceNote(workbench.runs(), this::showDiagnostic);
    }

    /** Train the current pipeline (menu Run > Train, toolbar). The same instance on every call. */
    public Action trainAction() {
        return train;
    }

    /** Stop the run in progress after the current mini-batch. The same instance on every call. */
    public Action stopAction() {
        return stop;
    }

    public JComponent component() {
        return panel;
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        panel.setName("RunPanel");
        progressBar.setName("run.progress");
        progressBar.setStringPainted(true);
        progressBar.setString("idle");
        status.setName("run.status");

        JButton trainButton = new JButton(train);
        trainButton.setName("run.trainButton");
        JButton stopButton = new JButton(stop);
        stopButton.setName("run.stopButton");

        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.X_AXIS));
        top.add(trainButton);
        top.add(Box.createHorizontalStrut(4));
        top.add(stopButton);
        top.add(Box.createHorizontalStrut(8));
        top.add(progressBar);

        JPanel header = new JPanel(new BorderLayout(0, 4));
        header.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
        header.add(top, BorderLayout.NORTH);
        header.add(status, BorderLayout.SOUTH);

        JComponent loss = withExport(charts.lossPanel(), "run.exportPng", "run.exportSvg", "loss");
        JComponent batches = withExport(charts.batchPanel(), "run.batchExportPng", "run.batchExportSvg",
                "batch-loss");
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, loss, batches);
        split.setResizeWeight(0.6);
        split.setBorder(null);

        JSplitPane curvesAndLive = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, split, live.component());
        curvesAndLive.setResizeWeight(0.45);
        curvesAndLive.setBorder(null);
        panel.add(header, BorderLayout.NORTH);
        panel.add(curvesAndLive, BorderLayout.CENTER);
        panel.add(diagnostics.component(), BorderLayout.SOUTH);
    }

    private JComponent withExport(ChartPanel chart, String pngName, String svgName, String what) {
        JPanel p = new JPanel(new BorderLayout());
        p.add(chart, BorderLayout.CENTER);
        p.add(ChartExport.buttons(workbench, pngName, svgName, chart,
                () -> ChartDrawings.of(chart.getChart()),
                () -> (lastRunId.isEmpty() ? "training" : lastRunId) + "-" + what), BorderLayout.SOUTH);
        return p;
    }

    // ---------------------------------------------------------------- train and stop

    private void train() {
        if (active || org.cajal.workbench.core.FieldProblems.refuse(workbench, panel, "Train")) {
            return;
        }
        RuntimeServices runtime = workbench.runtime();
        PipelineDocument document;
        try {
            Pipeline pipeline = workbench.pipeline().get();
            String source = workbench.pipeline().file().map(f -> f.getFileName().toString())
                    .orElse(pipeline.name());
            document = runtime.format().document(pipeline, source, workbench.pipeline().baseDirectory());
        } catch (RuntimeException e) {
            workbench.notifier().error("Cannot train", Messages.of(e));
            return;
        }
        setActive(true);
        stopRequested = false;
        handle = null;
        status.setText("Validating " + document.source() + "…");
        progressBar.setIndeterminate(true);
        progressBar.setString("validating…");
        RunOptions options = new RunOptions(workbench.runsDirectory(), OptionalLong.empty());
        try {
            LiveWatcher watcher = live.watcher();
            workbench.background().execute(() -> checkAndStart(runtime, document, options, watcher));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            notStarted("Cannot train", "The workbench is closing.");
        }
    }

    /** Checks the pipeline (planning its dataset once), then starts that checked plan. Background thread. */
    private void checkAndStart(RuntimeServices runtime, PipelineDocument document, RunOptions options,
                               LiveWatcher watcher) {
        try {
            CheckedPipeline checked = runtime.check().check(document);
            RunHandle started = runtime.executor().start(checked, options, watcher);
            SwingUtilities.invokeLater(() -> started(started));
        } catch (PipelineException e) {
            String lines = e.problems().isEmpty() ? e.getMessage() : e.problems().stream()
                    .map(p -> p.location() + ": " + p.message()).collect(Collectors.joining("\n"));
            SwingUtilities.invokeLater(() -> notStarted("Cannot train", lines));
        } catch (RuntimeException e) {
            SwingUtilities.invokeLater(() -> notStarted("Cannot train", Messages.of(e)));
        } catch (LinkageError | VirtualMachineError e) {
            // e.g. out of memory while the data is opened, or a plugin's classes gone mid-validation: the
            // panel must not stay 'validating' for good
            SwingUtilities.invokeLater(() -> notStarted("Cannot train", "Training could not start: " + Messages.of(e)));
            if (e instanceof VirtualMachineError) {
                throw e;
            }
        }
    }

    private void notStarted(String title, String message) {
        setActive(false);
        progressBar.setIndeterminate(false);
        progressBar.setValue(0);
        progressBar.setString("not started");
        status.setText("Not started: fix the problems and train again.");
        workbench.notifier().error(title, message);
    }

    private void started(RunHandle started) {
        handle = started;
        lastRunId = started.runId();
        status.setText("Training " + started.runId() + "…");
        workbench.notifier().status("Training " + started.runId());
        if (stopRequested) {
            started.cancel();
        }
        started.result().whenComplete((result, failure) ->
                SwingUtilities.invokeLater(() -> completed(started, result, failure)));
    }

    private void stop() {
        if (!active) {
            return;
        }
        stopRequested = true;
        stop.setEnabled(false);
        status.setText("Stopping after the current mini-batch…");
        if (handle != null) {
            handle.cancel();
        }
    }

    private void completed(RunHandle run, RunResult result, Throwable failure) {
        if (run != handle) {
            return;
        }
        handle = null;
        setActive(false);
        charts.flush();
        progressBar.setIndeterminate(false);
        if (failure != null) {
            String message = RunLines.failureMessage(failure);
            end(TrainingProgress.End.FAILED, "Run " + run.runId() + " failed: " + RunLines.firstLine(message));
            workbench.notifier().error("Training failed", message);
            return;
        }
        String headline = Metrics.headline(result.evaluation().values()).map(h -> ": " + h).orElse("");
        if (result.cancelled()) {
            end(TrainingProgress.End.STOPPED, "Run " + result.runId() + " stopped" + headline);
        } else {
            end(TrainingProgress.End.FINISHED, "Run " + result.runId() + " finished" + headline);
        }
        workbench.notifier().status(status.getText());
        workbench.runs().openRun(result.folder());
    }

    private void setActive(boolean value) {
        active = value;
        train.setEnabled(!value);
        stop.setEnabled(value);
    }

    // ---------------------------------------------------------------- training events

    private void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.FoldStarted f) {
            if (f.fold() <= 1 || fold == 0) {
                newRun(f.folds());
            }
            fold = f.fold();
            progress.fold(f);
            charts.begin(f.fold(), f.folds());
            status.setText(f.runId() + ": fold " + f.fold() + " of " + f.folds());
        } else if (event instanceof TrainingEvent.Started s) {
            if (fold == 0) {
                newRun(1);
                charts.begin(0, 1);
            }
            lastRunId = s.runId();
            progress.started(s);
            status.setText(RunLines.started(s, fold));
        } else if (event instanceof TrainingEvent.BatchCompleted b) {
            progress.batch(b);
            charts.batch(b);
        } else if (event instanceof TrainingEvent.EpochCompleted e) {
            progress.epoch(e);
            charts.epoch(e);
            status.setText(RunLines.epoch(e));
        } else if (event instanceof TrainingEvent.StoppedEarly s) {
            status.setText(RunLines.stoppedEarly(s));
        } else if (event instanceof TrainingEvent.Diagnostic d) {
            diverged |= "nan-loss".equals(d.kind());
            showDiagnostic(d.epoch(), d.kind(), d.message());
        } else if (event instanceof TrainingEvent.Finished f) {
            end(TrainingProgress.End.FINISHED, RunLines.finished(f, diverged));
            return;
        } else if (event instanceof TrainingEvent.Cancelled c) {
            end(TrainingProgress.End.STOPPED, RunLines.cancelled(c));
            return;
        } else if (event instanceof TrainingEvent.Failed f) {
            end(TrainingProgress.End.FAILED, "Run " + f.runId() + " failed: " + RunLines.firstLine(f.message()));
            return;
        }
        showProgress();
    }

    /**
     * Shows a training diagnostic (NaN or exploding loss, overfitting, dead units, update sizes) in the list under
     * the charts, newest last.
     */
    void showDiagnostic(int epoch, String kind, String message) {
        String line = (fold > 0 ? "Fold " + fold + " · " : "") + Diagnostics.line(epoch, kind, message);
        diagnostics.add(line);
        workbench.notifier().status(line);
    }

    /** A new run's first event: clear the charts (they keep the last run's data until now). */
    private void newRun(int folds) {
        charts.clear();
        diagnostics.clear();
        diverged = false;
        progress.reset(folds);
        fold = 0;
        progressBar.setIndeterminate(false);
    }

    private void end(TrainingProgress.End how, String line) {
        charts.flush();
        fold = 0;
        progress.end(how);
        progressBar.setIndeterminate(false);
        showProgress();
        status.setText(line);
    }

    private void showProgress() {
        progressBar.setIndeterminate(false);
        progressBar.setMaximum(progress.maximum());
        progressBar.setValue(progress.value());
        progressBar.setString(progress.text());
    }

    // ---------------------------------------------------------------- for tests

    TrainingCharts charts() {
        return charts;
    }

    JProgressBar progressBar() {
        return progressBar;
    }

    JLabel statusLabel() {
        return status;
    }

    LiveView live() {
        return live;
    }

    DefaultListModel<String> diagnostics() {
        return diagnostics.lines();
    }
}
