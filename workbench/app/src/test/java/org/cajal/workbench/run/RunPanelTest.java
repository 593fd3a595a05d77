package org.cajal.workbench.run;

import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.ActionEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.Evaluation;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPanelTest {

    @TempDir
    Path home;

    private FakeWorkbench fake;
    private RunPanel panel;
    private final AtomicLong clock = new AtomicLong();
    private final List<Path> opened = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        fake = new FakeWorkbench(home, home.resolve("runs"));
        onEdt(() -> panel = new RunPanel(fake.workbench, clock::get));
        fake.workbench.runs().addRunOpenedListener(opened::add);
    }

    private void train() {
        onEdt(() -> panel.trainAction().actionPerformed(new ActionEvent(this, ActionEvent.ACTION_PERFORMED, "")));
        flush();
    }

    private void publish(TrainingEvent event) {
        fake.workbench.runs().publish(event);
    }

    @Test
    void actionsAreTheSameInstancesAndNamed() {
        assertSame(panel.trainAction(), panel.trainAction());
        assertSame(panel.stopAction(), panel.stopAction());
        assertEquals("Train", panel.trainAction().getValue(javax.swing.Action.NAME));
        assertEquals("Stop", panel.stopAction().getValue(javax.swing.Action.NAME));
        assertTrue(panel.trainAction().isEnabled());
        assertFalse(panel.stopAction().isEnabled());
        assertEquals("run.progress", panel.progressBar().getName());
        assertEquals("run.status", panel.statusLabel().getName());
        assertEquals("run.lossChart", panel.charts().lossPanel().getName());
        assertEquals("run.batchChart", panel.charts().batchPanel().getName());
    }

    @Test
    void validationProblemsPreventTheStart() {
        fake.runner.problems = List.of(new Problem("$.model.layers[0].params.units", "must be at least 1"),
                new Problem("$.dataset.type", "no dataset 'blob' is installed"));
        train();
        assertEquals(1, fake.runner.validated.size());
        assertEquals("demo", fake.runner.validated.get(0).source());
        assertTrue(fake.runner.started.isEmpty());
        assertEquals(List.of("Cannot train: $.model.layers[0].params.units: must be at least 1\n"
                + "$.dataset.type: no dataset 'blob' is installed"), fake.notifier.errors);
        assertTrue(panel.trainAction().isEnabled());
        assertFalse(panel.stopAction().isEnabled());
    }

    @Test
    void aRunIsShownLiveAndOpenedWhenItFinishes() {
        train();
        assertEquals(1, fake.runner.started.size());
        FakeWorkbench.FakeHandle run = fake.runner.started.get(0);
        assertFalse(panel.trainAction().isEnabled(), "Train is disabled during a run");
        assertTrue(panel.stopAction().isEnabled(), "Stop is enabled during a run");

        clock.set(0);
        publish(new TrainingEvent.Started("run-1", run.folder(), 3, 10, 300, 1234));
        flush();
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int b = 1; b <= 10; b++) {
                publish(new TrainingEvent.BatchCompleted("run-1", epoch, b, 10, 1.0 / (epoch * 10 + b)));
            }
            if (epoch == 2) {
                flush();
                clock.set(10_000_000_000L);
            }
            double validation = epoch == 1 ? 0.5 : Double.NaN;
            publish(new TrainingEvent.EpochCompleted("run-1", epoch, 3, 0.6 / epoch, validation, "accuracy",
                    epoch == 1 ? 0.8 : Double.NaN, epoch * 1000L));
        }
        flush();

        var losses = panel.charts().losses();
        assertEquals("train loss", losses.getSeriesKey(0));
        assertEquals("validation loss", losses.getSeriesKey(1));
        assertEquals(2, losses.getSeries(0).getItemCount(), "one training loss point per epoch");
        assertEquals(1, losses.getSeries(1).getItemCount(), "NaN validation loss is skipped");
        assertEquals(1, panel.charts().metrics().getSeries(0).getItemCount());
        assertEquals("validation accuracy", panel.charts().metrics().getSeriesKey(0));
        assertEquals(20, panel.charts().batches().getSeries(0).getItemCount());
        assertEquals(30, panel.progressBar().getMaximum());
        assertEquals(20, panel.progressBar().getValue());
        assertEquals("epoch 2/3 · batch 10/10 · ETA 0:05", panel.progressBar().getString());

        onEdt(() -> panel.stopAction().actionPerformed(new ActionEvent(this, ActionEvent.ACTION_PERFORMED, "")));
        assertTrue(run.cancelled, "Stop cancels the run");

        publish(new TrainingEvent.Cancelled("run-1", run.folder(), 2));
        run.result.complete(new RunResult("run-1", run.folder(), RunStatus.CANCELLED, new Evaluation(Map.of("accuracy", 0.75))));
        flush();
        assertEquals("stopped", panel.progressBar().getString());
        assertEquals(panel.progressBar().getMaximum(), panel.progressBar().getValue());
        assertTrue(panel.trainAction().isEnabled());
        assertFalse(panel.stopAction().isEnabled());
        assertEquals(List.of(run.folder()), opened, "the run is opened in the results view");
        assertTrue(fake.notifier.statuses.stream().anyMatch(s -> s.contains("accuracy 0.75")),
                fake.notifier.statuses.toString());
        assertEquals(2, panel.charts().losses().getSeries(0).getItemCount(), "charts stay after the run");

        // the next run clears the charts when it starts
        train();
        publish(new TrainingEvent.Started("run-2", home, 1, 1, 10, 10));
        flush();
        assertEquals(0, panel.charts().losses().getSeries(0).getItemCount());
    }

    @Test
    void aFinishedRunSaysFinishedAndAFailedRunShowsItsMessage() {
        train();
        FakeWorkbench.FakeHandle run = fake.runner.started.get(0);
        publish(new TrainingEvent.Started("run-1", run.folder(), 1, 2, 20, 10));
        publish(new TrainingEvent.Finished("run-1", run.folder(), Map.of("r2", 0.9)));
        run.result.complete(new RunResult("run-1", run.folder(), RunStatus.FINISHED, new Evaluation(Map.of("r2", 0.9))));
        flush();
        assertEquals("finished", panel.progressBar().getString());
        assertEquals(100, Math.round(100.0 * panel.progressBar().getValue() / panel.progressBar().getMaximum()));
        assertTrue(panel.statusLabel().getText().contains("r2 0.9"), panel.statusLabel().getText());

        train();
        FakeWorkbench.FakeHandle second = fake.runner.started.get(1);
        PipelineException cause = new PipelineException("demo", new Problem("$.dataset.params.file",
                "file 'x.csv' not found"));
        second.result.completeExceptionally(new CompletionException(cause));
        flush();
        assertEquals("failed", panel.progressBar().getString());
        assertEquals(List.of("Training failed: demo: $.dataset.params.file: file 'x.csv' not found"),
                fake.notifier.errors);
        assertTrue(panel.trainAction().isEnabled());
        assertEquals(List.of(run.folder()), opened, "a failed run is not opened");
    }

    @Test
    void kFoldRunsGetSeriesPerFold() {
        train();
        for (int fold = 1; fold <= 3; fold++) {
            publish(new TrainingEvent.FoldStarted("run-1", fold, 3));
            publish(new TrainingEvent.Started("run-1", home, 2, 4, 40, 10));
            for (int epoch = 1; epoch <= 2; epoch++) {
                for (int b = 1; b <= 4; b++) {
                    publish(new TrainingEvent.BatchCompleted("run-1", epoch, b, 4, 0.5));
                }
                publish(new TrainingEvent.EpochCompleted("run-1", epoch, 2, 0.5, 0.4, "mse", 0.3, 10));
            }
        }
        flush();
        var losses = panel.charts().losses();
        assertEquals(6, losses.getSeriesCount());
        assertEquals("fold 1 train loss", losses.getSeriesKey(0));
        assertEquals("fold 3 validation loss", losses.getSeriesKey(5));
        assertEquals(2, losses.getSeries(4).getItemCount());
        assertEquals("fold 2 validation mse", panel.charts().metrics().getSeriesKey(1));
        assertEquals(3, panel.charts().batches().getSeriesCount());
        assertEquals(24, panel.progressBar().getValue());
        assertEquals(24, panel.progressBar().getMaximum());
        assertTrue(panel.progressBar().getString().startsWith("fold 3/3 · epoch 2/2 · batch 4/4"),
                panel.progressBar().getString());
    }

    @Test
    void longRunsKeepABoundedBatchChart() {
        TrainingCharts charts = new TrainingCharts();
        int batches = 1000;
        double sum = 0;
        for (int epoch = 1; epoch <= 40; epoch++) {
            for (int b = 1; b <= batches; b++) {
                charts.batch(new TrainingEvent.BatchCompleted("r", epoch, b, batches, 2.0));
                sum += 2.0;
            }
        }
        charts.flush();
        var series = charts.batches().getSeries(0);
        assertTrue(series.getItemCount() <= TrainingCharts.MAX_BATCH_POINTS, "points: " + series.getItemCount());
        assertTrue(series.getItemCount() > TrainingCharts.MAX_BATCH_POINTS / 4);
        assertEquals(40_000.0, series.getMaxX());
        assertEquals(2.0, series.getMaxY(), 1e-12, "merged points keep the mean loss");
    }

    @Test
    void durationsAreMinutesAndSeconds() {
        assertEquals("0:12", TrainingProgress.duration(12_000));
        assertEquals("12:05", TrainingProgress.duration(725_000));
        assertEquals("1:02:03", TrainingProgress.duration(3_723_000));
    }

    @Test
    void aRunnerErrorWhileStartingIsReported() {
        fake.runner.problems = null; // validate returns null: the runner misbehaves
        train();
        assertFalse(fake.notifier.errors.isEmpty());
        assertTrue(panel.trainAction().isEnabled());
    }

    @Test
    void diagnosticsAreListedUntilTheNextRunStarts() throws java.io.IOException {
        onEdt(() -> panel.showDiagnostic(12, "overfitting", "validation loss rising while training loss falls: "
                + "try early stopping or regularisation"));
        assertEquals(1, panel.diagnostics().size());
        assertEquals("Epoch 12 · overfitting: validation loss rising while training loss falls: try early stopping "
                + "or regularisation", panel.diagnostics().get(0));
        assertEquals("run.diagnostics", RunsPanelFinder.named(panel.component(), "run.diagnostics").getName());
        publish(new TrainingEvent.Started("run-9", home, 1, 1, 10, 10));
        flush();
        assertEquals(0, panel.diagnostics().size(), "a new run starts with an empty list");

        java.nio.file.Files.writeString(home.resolve("diagnostics.json"), "[{\"epoch\": 3, \"kind\": \"nan_loss\", "
                + "\"message\": \"the loss is NaN: lower the learning rate\", \"values\": {}}]");
        assertEquals(java.util.List.of("Epoch 3 · nan loss: the loss is NaN: lower the learning rate"),
                Diagnostics.read(home));
        java.nio.file.Files.writeString(home.resolve("diagnostics.json"), "{}");
        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> Diagnostics.read(home));
    }

    /** Finds a component by name. */
    static final class RunsPanelFinder {
        static java.awt.Component named(java.awt.Container root, String name) {
            for (java.awt.Component c : root.getComponents()) {
                if (name.equals(c.getName())) {
                    return c;
                }
                if (c instanceof java.awt.Container child) {
                    java.awt.Component found = named(child, name);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
