package org.cajal.workbench.experiments;

import java.awt.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.visual.Drawing;
import org.cajal.experiments.Comparison;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.Searches;
import org.cajal.experiments.Trial;
import org.cajal.workbench.core.Dialogs;
import org.cajal.workbench.core.ExperimentServices;

/**
 * Test doubles of the experiments bundle's services that record their calls and answer what the test sets, and
 * dialogs whose answers the test queues.
 */
public final class FakeExperiments {

    public final Store store = new Store();
    public final FakeSearches searches = new FakeSearches();
    public final FakeRepeats repeats = new FakeRepeats();
    public final Repro repro = new Repro();
    public volatile boolean storeOn = true;
    public volatile boolean searchesOn = true;
    public volatile boolean repeatsOn = true;
    public volatile boolean reproOn = true;

    public ExperimentServices services() {
        return new ExperimentServices(() -> storeOn ? store : null, () -> searchesOn ? searches : null,
                () -> repeatsOn ? repeats : null, () -> reproOn ? repro : null);
    }

    /** A trial as the services report it. */
    public static Trial trial(int n, Map<String, Object> params, String status, double objective,
                              Map<String, Double> metrics) {
        return new Trial(n, params, 40 + n, null, status, objective, metrics, Map.of(), Map.of(), null);
    }

    public static final class Store implements RunStore {
        public volatile List<StoredRun> listed = List.of();
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public volatile Drawing drawing = (g, area) -> { };
        public volatile List<List<String>> table = List.of(List.of("run", "accuracy"), List.of("a", "0.9"));

        @Override
        public Path directory() {
            return Path.of("runs");
        }

        @Override
        public List<StoredRun> list(Path directory, Filter filter) {
            return listed.stream().filter(r -> filter.kind() == null || filter.kind().equals(r.kind())).toList();
        }

        @Override
        public Set<String> tag(Path folder, Collection<String> add, Collection<String> remove) {
            calls.add("tag " + folder.getFileName() + " +" + add + " -" + remove);
            Set<String> tags = new LinkedHashSet<>(add);
            return tags;
        }

        @Override
        public void delete(Path folder) throws IOException {
            calls.add("delete " + folder.getFileName());
            if (folder.getFileName().toString().contains("busy")) {
                throw new IOException("a run in it is still running");
            }
        }

        @Override
        public List<List<String>> compare(List<Path> folders) {
            calls.add("compare " + folders.size());
            return table;
        }

        @Override
        public Drawing overlay(List<Path> folders, String column) {
            calls.add("overlay " + folders.size() + " " + column);
            return drawing;
        }
    }

    /** An experiment the test drives: it reports trials through the listener and completes. */
    public static final class FakeExperiment implements Experiment {
        public final Path folder;
        public final ExperimentListener listener;
        public final CompletableFuture<List<Trial>> done = new CompletableFuture<>();
        public final List<Trial> finished = new CopyOnWriteArrayList<>();
        public volatile boolean cancelled;

        FakeExperiment(Path folder, ExperimentListener listener) {
            this.folder = folder;
            this.listener = listener;
        }

        public void finish(Trial t) {
            finished.add(t);
            listener.trialFinished(t);
        }

        public void complete() {
            done.complete(List.copyOf(finished));
        }

        @Override
        public Path folder() {
            return folder;
        }

        @Override
        public List<Trial> trials() {
            return List.copyOf(finished);
        }

        @Override
        public CompletableFuture<List<Trial>> done() {
            return done;
        }

        @Override
        public void cancel() {
            cancelled = true;
            done.complete(List.copyOf(finished));
        }
    }

    public static final class FakeSearches implements Searches {
        public final List<SearchOptions> searched = new CopyOnWriteArrayList<>();
        public final List<SweepOptions> swept = new CopyOnWriteArrayList<>();
        public final List<PipelineSource> sources = new CopyOnWriteArrayList<>();
        public final List<FakeExperiment> experiments = new CopyOnWriteArrayList<>();
        public volatile List<String> problems = List.of();
        public volatile Path folder;

        @Override
        public List<String> validate(PipelineSource pipeline, SearchOptions options) {
            return problems;
        }

        @Override
        public Experiment search(PipelineSource pipeline, SearchOptions options, ExperimentListener listener) {
            sources.add(pipeline);
            searched.add(options);
            FakeExperiment e = new FakeExperiment(folder, listener);
            experiments.add(e);
            return e;
        }

        @Override
        public Experiment sweep(PipelineSource pipeline, SweepOptions options, ExperimentListener listener) {
            sources.add(pipeline);
            swept.add(options);
            FakeExperiment e = new FakeExperiment(folder, listener);
            experiments.add(e);
            return e;
        }
    }

    public static final class FakeRepeats implements Repeats {
        public final List<FakeExperiment> experiments = new CopyOnWriteArrayList<>();
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public volatile Path folder;
        public volatile RepeatSummary summary;
        public volatile Comparison comparison;
        public volatile IOException compareFailure;

        @Override
        public Experiment repeat(PipelineSource pipeline, Path runsDirectory, int times, long firstSeed,
                                 int parallel, ExperimentListener listener) throws PipelineException {
            calls.add("repeat " + times + " " + firstSeed + " " + parallel);
            FakeExperiment e = new FakeExperiment(folder, listener);
            experiments.add(e);
            return e;
        }

        @Override
        public RepeatSummary summary(Path experimentFolder) {
            return summary;
        }

        @Override
        public Comparison compare(Path a, Path b, String metric) throws IOException {
            calls.add("compare " + a.getFileName() + " " + b.getFileName() + " " + metric);
            if (compareFailure != null) {
                throw compareFailure;
            }
            return comparison;
        }
    }

    public static final class Repro implements Reproducibility {
        public final List<String> calls = new CopyOnWriteArrayList<>();
        public volatile Rerun rerun;

        @Override
        public Path bundle(Path runOrExperiment, Path zip) throws IOException {
            calls.add("bundle " + runOrExperiment.getFileName() + " " + zip.getFileName());
            return Files.writeString(zip, "zip");
        }

        @Override
        public Rerun rerun(Path zip, Path runsDirectory, ExperimentListener listener) {
            calls.add("rerun " + zip.getFileName());
            return rerun;
        }

        @Override
        public List<Path> report(Path runOrExperiment, Path outDirectory) {
            calls.add("report " + runOrExperiment.getFileName());
            return List.of(outDirectory.resolve("methods.md"), outDirectory.resolve("results.csv"));
        }
    }

    /** Dialogs answered from queues; every message shown is recorded. */
    public static final class QueuedDialogs implements Dialogs {
        public final Deque<String> inputs = new ArrayDeque<>();
        public final Deque<Boolean> confirms = new ArrayDeque<>();
        public final Deque<Path> files = new ArrayDeque<>();
        public final List<String> asked = new ArrayList<>();
        public final List<String> shown = new ArrayList<>();

        @Override
        public String input(Component parent, String title, String message, String initial) {
            asked.add(title + ": " + message);
            return inputs.poll();
        }

        @Override
        public boolean confirm(Component parent, String title, String message) {
            asked.add(title + ": " + message);
            Boolean b = confirms.poll();
            return b != null && b;
        }

        @Override
        public Path saveFile(Component parent, String title, Path suggested, String extension) {
            asked.add(title);
            return files.poll();
        }

        @Override
        public Path openFile(Component parent, String title, Path directory, String extension) {
            asked.add(title);
            return files.poll();
        }

        @Override
        public Path chooseFolder(Component parent, String title, Path directory) {
            asked.add(title);
            return files.poll();
        }

        @Override
        public void inform(Component parent, String title, String message) {
            shown.add(title + ": " + message);
        }
    }
}
