package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingListener;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Trial;
import org.cajal.runfolder.AtomicFiles;

/**
 * Runs the trials of an experiment folder, at most {@code parallel} at once, each as an ordinary run in the
 * folder's {@code runs/}, started from its parsed pipeline (the executor may itself limit how many run at the same
 * time; this class is correct with any such limit). Every ended trial is appended to trials.jsonl (forced to disk) before the listener hears of it.
 *
 * <p>Resume: trials already in trials.jsonl (finished or failed) are reported to the listener and not run again;
 * run folders under runs/ that trials.jsonl does not name (trials interrupted by a kill or a cancel) are deleted
 * and their trials run again. A cancelled trial is therefore not written to trials.jsonl: starting the experiment
 * again runs it.
 *
 * <p>A trial fails (status {@code failed}, the message in {@code error}, the experiment goes on) when the executor
 * rejects or fails the run, or when the run has no value for the objective.
 */
public final class TrialExecutor implements Experiment {

    /**
     * Trials at once when the experiment does not say: one per core. A layer stack the runtime trains on the fused
     * dense path uses one thread, so small models fill every core; runs that use ND4J's own thread pool (DL4J
     * layer stacks, architectures) are trained one at a time by the runtime whatever this says, so that two pools
     * never spin against each other.
     */
    public static final int DEFAULT_PARALLEL = Math.max(1, Runtime.getRuntime().availableProcessors());


    /** What the experiment kind does with the trials (summary files); called under the executor's lock. */
    public interface Hooks {

        /** After a trial was recorded (and once at start when resuming), with all recorded trials by number. */
        default void trialsChanged(List<Trial> recorded) throws IOException {
        }

        /** After the last trial ended (or the experiment was cancelled), with all recorded trials. */
        default void ended(List<Trial> recorded) throws IOException {
        }
    }

    /**
     * @param objective a metrics.csv column or evaluation.json number; null: no objective (NaN)
     * @param distribution where the trials run when not on this process's threads; null: here
     */
    public record Config(Path folder, List<TrialSpec> specs, int parallel, String objective,
                         DistributionTarget distribution) {

        public Config {
            specs = List.copyOf(specs);
            if (parallel < 1) {
                throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
            }
        }

        /** Trials on this process's threads. */
        public Config(Path folder, List<TrialSpec> specs, int parallel, String objective) {
            this(folder, specs, parallel, objective, null);
        }
    }

    private final PipelineExecutor executor;
    private final Config config;
    private final ExperimentListener listener;
    private final Hooks hooks;
    private final TrialLog log;
    private final TreeMap<Integer, Trial> recorded = new TreeMap<>();
    private final List<Trial> cancelledTrials = new ArrayList<>();
    private final Set<RunHandle> active = new HashSet<>();
    private final CompletableFuture<List<Trial>> done = new CompletableFuture<>();
    private volatile boolean cancelled;
    private ExecutorService pool;
    /** The thread that hands the trials to a distributed engine and waits for them; null when they run here. */
    private volatile Thread distributed;
    /** Held while this executor works on the folder: a second one (another process, a second Start) is refused. */
    private volatile FolderLock lock;

    private TrialExecutor(PipelineExecutor executor, Config config, ExperimentListener listener, Hooks hooks,
                          TrialLog log) {
        this.executor = executor;
        this.config = config;
        this.listener = listener == null ? ExperimentListener.NONE : listener;
        this.hooks = hooks == null ? new Hooks() { } : hooks;
        this.log = log;
    }

    /**
     * Resumes what the folder holds and starts the remaining trials on worker threads.
     *
     * @throws IOException when trials.jsonl cannot be read or the folder not written
     */
    public static TrialExecutor start(PipelineExecutor executor, Config config, ExperimentListener listener,
                                      Hooks hooks) throws IOException {
        FolderLock lock = FolderLock.acquire(config.folder());
        try {
            TrialExecutor ex = new TrialExecutor(executor, config, listener, hooks, TrialLog.open(config.folder()));
            ex.lock = lock;
            ex.resume();
            ex.launch();
            return ex;
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private void resume() throws IOException {
        Set<Integer> wanted = new HashSet<>();
        config.specs().forEach(s -> wanted.add(s.number()));
        Set<Path> referenced = new HashSet<>();
        for (Trial t : log.read()) {
            if (t.run() != null) {
                referenced.add(t.run().toAbsolutePath().normalize());
            }
            if (wanted.contains(t.number())) {
                recorded.put(t.number(), t);
            }
        }
        Path runs = config.folder().resolve(ExperimentFiles.RUNS);
        Files.createDirectories(runs);
        List<Path> leftovers;
        try (var list = Files.list(runs)) {
            leftovers = list.filter(Files::isDirectory)
                    .filter(p -> !referenced.contains(p.toAbsolutePath().normalize())).toList();
        }
        for (Path p : leftovers) {
            AtomicFiles.deleteTree(p);
        }
        if (!recorded.isEmpty()) {
            int remaining = (int) config.specs().stream().filter(s -> !recorded.containsKey(s.number())).count();
            say("resuming: " + recorded.size() + " trials already finished, " + remaining + " to run"
                    + (leftovers.isEmpty() ? "" : " (deleted " + leftovers.size()
                    + " run folder(s) of interrupted trials)"));
            for (Trial t : recorded.values()) {
                safely(() -> listener.trialFinished(t));
            }
            synchronized (this) {
                try {
                    hooks.trialsChanged(List.copyOf(recorded.values()));
                } catch (IOException | RuntimeException e) {
                    say("could not update the experiment's summary files: " + message(e));
                }
            }
        } else if (!leftovers.isEmpty()) {
            say("deleted " + leftovers.size() + " run folder(s) of interrupted trials");
        }
    }

    private void launch() {
        List<TrialSpec> todo = config.specs().stream().filter(s -> !recorded.containsKey(s.number())).toList();
        if (todo.isEmpty()) {
            finish();
            return;
        }
        if (config.distribution() != null) {
            Thread t = new Thread(() -> {
                try {
                    new DistributedTrials(this, config, todo).run();
                } finally {
                    finish();
                }
            }, "cajal-distributed-trials");
            t.setDaemon(true);
            distributed = t;
            t.start();
            return;
        }
        AtomicInteger left = new AtomicInteger(todo.size());
        AtomicInteger threadNo = new AtomicInteger();
        pool = Executors.newFixedThreadPool(Math.min(config.parallel(), todo.size()), r -> {
            Thread t = new Thread(r, "cajal-trial-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (TrialSpec spec : todo) {
            pool.execute(() -> {
                try {
                    if (!cancelled) {
                        runTrial(spec);
                    }
                } catch (RuntimeException e) {
                    say("trial " + spec.number() + ": " + message(e));
                } finally {
                    if (left.decrementAndGet() == 0) {
                        finish();
                    }
                }
            });
        }
        pool.shutdown();
    }

    private void finish() {
        List<Trial> all;
        synchronized (this) {
            try {
                hooks.ended(List.copyOf(recorded.values()));
            } catch (IOException | RuntimeException e) {
                say("could not write the experiment's summary files: " + message(e));
            }
            List<Trial> list = new ArrayList<>(recorded.values());
            list.addAll(cancelledTrials);
            list.sort(Comparator.comparingInt(Trial::number));
            all = List.copyOf(list);
        }
        if (lock != null) {
            lock.release();
        }
        done.complete(all);
    }

    private void runTrial(TrialSpec spec) {
        started(spec);
        record(execute(spec));
    }

    /** Tells the listener a trial started. */
    void started(TrialSpec spec) {
        int total = config.specs().size();
        safely(() -> listener.trialStarted(spec.number(), total, spec.params(), spec.seed()));
    }

    /** Whether the experiment was cancelled. */
    boolean cancelled() {
        return cancelled;
    }

    /**
     * Records an ended trial: appended to trials.jsonl (a cancelled one is not: it runs again on resume), the
     * summary files updated, the listener told. A trial already recorded is not recorded again.
     */
    void record(Trial trial) {
        synchronized (this) {
            if (recorded.containsKey(trial.number())) {
                return;
            }
        }
        if (RunStatus.CANCELLED.id().equals(trial.status())) {
            synchronized (this) {
                cancelledTrials.add(trial);
            }
        } else {
            try {
                log.append(trial);
            } catch (IOException e) {
                say("could not record trial " + trial.number() + " in " + ExperimentFiles.TRIALS + ": "
                        + message(e));
            }
            synchronized (this) {
                recorded.put(trial.number(), trial);
                try {
                    hooks.trialsChanged(List.copyOf(recorded.values()));
                } catch (IOException | RuntimeException e) {
                    say("could not update the experiment's summary files: " + message(e));
                }
            }
        }
        safely(() -> listener.trialFinished(trial));
    }

    private Trial execute(TrialSpec spec) {
        RunHandle handle = null;
        try {
            synchronized (this) {
                if (cancelled) {
                    return ended(spec, null, RunStatus.CANCELLED.id(), null, null);
                }
                handle = executor.start(spec.document(), new RunOptions(config.folder().resolve(ExperimentFiles.RUNS),
                        OptionalLong.of(spec.seed())), TrainingListener.none());
                active.add(handle);
            }
            RunResult result = handle.result().get();
            Path run = result.folder() != null ? result.folder() : handle.folder();
            // a run that completed as the experiment was cancelled is kept: only the run's own word counts
            if (result.cancelled()) {
                return ended(spec, run, RunStatus.CANCELLED.id(), null, null);
            }
            return TrialVerdict.ofRun(spec, run, result.status(), config.objective());
        } catch (PipelineException e) {
            return ended(spec, handle == null ? null : handle.folder(), RunStatus.FAILED.id(), null, e.getMessage());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof CancellationException || cancelled) {
                return ended(spec, handle.folder(), RunStatus.CANCELLED.id(), null, null);
            }
            return ended(spec, handle.folder(), RunStatus.FAILED.id(), null, message(cause));
        } catch (CancellationException e) {
            return ended(spec, handle == null ? null : handle.folder(), RunStatus.CANCELLED.id(), null, null);
        } catch (InterruptedException e) {
            if (handle != null) {
                handle.cancel();
            }
            Thread.currentThread().interrupt();
            return ended(spec, handle == null ? null : handle.folder(), RunStatus.CANCELLED.id(), null, null);
        } catch (IOException | RuntimeException e) {
            return ended(spec, handle == null ? null : handle.folder(), RunStatus.FAILED.id(), null, message(e));
        } finally {
            if (handle != null) {
                synchronized (this) {
                    active.remove(handle);
                }
            }
        }
    }

    private Trial ended(TrialSpec spec, Path run, String status, RunOutcome outcome, String error) {
        return TrialVerdict.ended(spec, run, status, outcome, error, config.objective());
    }

    static String message(Throwable e) {
        return org.cajal.runfolder.FileMessages.of(e);
    }

    void say(String text) {
        safely(() -> listener.message(text));
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // a listener's failure must not stop the experiment
        }
    }

    @Override
    public Path folder() {
        return config.folder();
    }

    @Override
    public synchronized List<Trial> trials() {
        return List.copyOf(recorded.values());
    }

    @Override
    public CompletableFuture<List<Trial>> done() {
        return done;
    }

    @Override
    public void cancel() {
        List<RunHandle> running;
        synchronized (this) {
            cancelled = true;
            running = List.copyOf(active);
        }
        for (RunHandle h : running) {
            h.cancel();
        }
        Thread t = distributed;
        if (t != null) {
            t.interrupt();
        }
    }
}
