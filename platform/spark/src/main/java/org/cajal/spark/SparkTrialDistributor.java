package org.cajal.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.cajal.launcher.spi.TrialDistributor;
import org.cajal.launcher.spi.TrialRunner;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs an experiment's trials as one Spark job: one partition, hence one task, per trial. The launcher registers
 * it as an OSGi service when lib/spark/ is on its class path. A SparkContext lives for one experiment; a JVM holds
 * one at a time, so a second experiment on Spark waits for the first.
 *
 * <p>Each task's result (the zipped run folder) is handed to the caller as Spark reports it, on the calling
 * thread; Spark hands each partition's result over once, however often it ran the task. Interrupting the caller
 * cancels the job (its tasks' threads are interrupted, so runs stop after their mini-batch).
 */
public final class SparkTrialDistributor implements TrialDistributor {

    private static final Object ONE_CONTEXT = new Object();

    @Override
    public void run(Job job, TrialRunner local, Progress progress) throws IOException, InterruptedException {
        if (job.trials().isEmpty()) {
            return;
        }
        synchronized (ONE_CONTEXT) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(SparkTrialDistributor.class.getClassLoader());
            String key = UUID.randomUUID().toString();
            LocalRunners.put(key, local);
            SparkContext sc = null;
            try {
                SparkConf conf = SparkSettings.of(job);
                sc = start(conf, job.master());
                boolean ship = SparkSettings.shipsData(conf);
                if (ship) {
                    shipData(sc, job);
                }
                runJob(sc, job, new TrialTask(conf.get(SparkSettings.CAJAL_HOME, null), key, ship), progress);
            } finally {
                LocalRunners.remove(key);
                if (sc != null) {
                    sc.stop();
                }
                thread.setContextClassLoader(previous);
            }
        }
    }

    /** Each data file once; Spark serves it to every executor, which fetches it once. */
    private static void shipData(SparkContext sc, Job job) throws IOException {
        java.util.Map<String, String> byName = new java.util.HashMap<>();
        for (Trial t : job.trials()) {
            for (String path : t.dataFiles().values()) {
                String name = java.nio.file.Path.of(path).getFileName().toString();
                String other = byName.putIfAbsent(name, path);
                if (other == null) {
                    sc.addFile(path);
                } else if (!other.equals(path)) {
                    throw new IOException("two data files are both named " + name + " (" + other + " and " + path
                            + "): Spark ships files by name; rename one, or read them where they lie on a shared"
                            + " file system with --spark-conf " + SparkSettings.DATA + "=path");
                }
            }
        }
    }

    private static SparkContext start(SparkConf conf, String master) throws IOException {
        try {
            return new SparkContext(conf);
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("Spark did not start with master '" + master + "': " + rootMessage(e)
                    + " (a master is local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT)", e);
        }
    }

    private static void runJob(SparkContext sc, Job job, TrialTask task, Progress progress)
            throws IOException, InterruptedException {
        List<Trial> trials = job.trials();
        BlockingQueue<TaskProgress.Event> events = new LinkedBlockingQueue<>();
        sc.addSparkListener(new TaskProgress(trials, events));
        progress.message("Spark application " + sc.applicationId() + " on " + sc.master()
                + (sc.uiWebUrl().isDefined() ? "; its web UI: " + sc.uiWebUrl().get() : ""));
        sc.setLocalProperty("spark.job.interruptOnCancel", "true");
        sc.setJobDescription(job.name() + ": " + trials.size() + " trials");
        RDD<Trial> rdd = new JavaSparkContext(sc).parallelize(trials, trials.size()).rdd();
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            partitions.add(i);
        }
        SimpleFutureAction<BoxedUnit> action = sc.submitJob(rdd, task,
                JavaConverters.asScalaBufferConverter(partitions).asScala(), new Handler(events), new Done());
        try {
            while (true) {
                TaskProgress.Event event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    deliver(event, progress);
                } else if (action.isCompleted()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            action.cancel();
            throw e;
        }
        Try<BoxedUnit> outcome = action.value().get();
        if (outcome.isFailure()) {
            throw new IOException("the Spark job failed: " + failure(outcome.failed().get()));
        }
    }

    private static void deliver(TaskProgress.Event event, Progress progress) {
        if (event instanceof TaskProgress.Started s) {
            progress.started(s.trial(), s.executor());
        } else if (event instanceof TaskProgress.Finished f) {
            progress.finished(f.result());
        } else if (event instanceof TaskProgress.Message m) {
            progress.message(m.text());
        }
    }

    /** Cajal's own message where a task failed with one, else the first line of Spark's. */
    static String failure(Throwable e) {
        String text = String.valueOf(e.getMessage());
        int mark = text.indexOf(TrialTask.MARK);
        if (mark >= 0) {
            return text.substring(mark + TrialTask.MARK.length()).lines().findFirst().orElse(text);
        }
        return text.lines().findFirst().orElse(text);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Spark's result handler: on the scheduler's thread, so it only queues. */
    private static final class Handler extends AbstractFunction2<Object, Result, BoxedUnit> {

        private final BlockingQueue<TaskProgress.Event> events;

        Handler(BlockingQueue<TaskProgress.Event> events) {
            this.events = events;
        }

        @Override
        public BoxedUnit apply(Object partition, Result result) {
            events.add(new TaskProgress.Finished(result));
            return BoxedUnit.UNIT;
        }
    }

    private static final class Done extends AbstractFunction0<BoxedUnit> {

        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
