package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.experiments.Cluster;
import org.cajal.experiments.Trial;
import org.cajal.launcher.spi.TrialDistributor;
import org.cajal.launcher.spi.TrialRunner;
import org.cajal.runfolder.RunFolders;

/**
 * The trials of one experiment run on a distributed engine ({@link TrialDistributor}: Apache Spark) instead of this
 * process's threads. Each run folder that comes back is written into the experiment's {@code runs/} and recorded
 * by {@link TrialExecutor#record} as a trial run here would be, in the order they end: the same trials.jsonl, summary
 * files and listener calls. Trials that never came back (the job was cancelled or lost) are not recorded, so
 * starting the experiment again runs them, here or on the cluster.
 */
final class DistributedTrials implements TrialDistributor.Progress {

    private final TrialExecutor experiment;
    private final TrialExecutor.Config config;
    private final Map<Integer, TrialSpec> specs = new LinkedHashMap<>();
    private final Set<Integer> ended = ConcurrentHashMap.newKeySet();
    private final Path runs;
    private final DataFingerprints data = new DataFingerprints();

    DistributedTrials(TrialExecutor experiment, TrialExecutor.Config config, List<TrialSpec> todo) {
        this.experiment = experiment;
        this.config = config;
        todo.forEach(s -> specs.put(s.number(), s));
        this.runs = config.folder().resolve(ExperimentFiles.RUNS);
    }

    /** Hands the trials over and waits until every one came back, the job failed, or the thread was interrupted. */
    void run() {
        DistributionTarget target = config.distribution();
        List<TrialDistributor.Trial> trials = specs.values().stream().map(s -> new TrialDistributor.Trial(s.number(),
                s.pipelineText(), s.document().source(), s.document().baseDirectory().toAbsolutePath().toString(),
                s.seed(), ShippedData.files(s))).toList();
        TrialDistributor.Job job = new TrialDistributor.Job("Cajal: " + config.folder().getFileName(),
                target.cluster().master(), target.cluster().conf(), trials, target.home());
        // a local master's executor is this JVM: it trains the parsed documents with this framework's runtime
        TrialRunner here = (trial, folder) -> TrialRunnerService.run(target.executor(),
                specs.get(trial.number()).document(), trial.seed(), folder);
        try {
            experiment.say("running " + trials.size() + " trials on Spark (" + target.cluster().master() + ")");
            target.distributor().run(job, here, this);
        } catch (InterruptedException e) {
            experiment.say("cancelled: " + notEnded() + " trials did not end; starting the experiment again runs them");
        } catch (IOException | RuntimeException e) {
            experiment.say("Spark: " + TrialExecutor.message(e) + "; " + notEnded() + " trials did not end: starting"
                    + " the experiment again runs them (with or without --spark)");
        }
    }

    private int notEnded() {
        return (int) specs.keySet().stream().filter(n -> !ended.contains(n)).count();
    }

    @Override
    public void started(int trial, String executor) {
        TrialSpec spec = specs.get(trial);
        if (spec != null && !ended.contains(trial)) {
            experiment.started(spec);
        }
    }

    @Override
    public void finished(TrialDistributor.Result result) {
        TrialSpec spec = specs.get(result.number());
        if (spec == null || !ended.add(result.number())) {
            return; // not one of ours, or handed over twice: each trial is recorded once
        }
        Trial trial;
        try {
            trial = verdict(spec, result);
        } catch (IOException e) {
            ended.remove(result.number());
            experiment.say("trial " + spec.number() + ": the run folder that came back from " + result.executor()
                    + " could not be written into " + runs + ": " + TrialExecutor.message(e)
                    + "; starting the experiment again runs it");
            return;
        }
        experiment.record(trial);
    }

    private Trial verdict(TrialSpec spec, TrialDistributor.Result result) throws IOException {
        String objective = config.objective();
        Path run = result.runFolderZip() == null ? null
                : RunFolderArchive.unpack(result.runFolderZip(), runs, spec.number());
        if (result.error() != null) {
            return TrialVerdict.ended(spec, run, RunStatus.FAILED.id(), null, result.error(), objective);
        }
        if (run == null) {
            return TrialVerdict.ended(spec, null, RunStatus.FAILED.id(), null,
                    "the trial ended on " + result.executor() + " without a run folder", objective);
        }
        ShippedData.restore(run, spec, result.readFrom(), ShippedData.files(spec));
        String differs = data.mismatch(run, result.executor());
        if (differs != null) {
            return TrialVerdict.ended(spec, run, RunStatus.FAILED.id(), null, differs, objective);
        }
        RunStatus status = RunFolders.status(run).orElse(RunStatus.FAILED);
        if (status == RunStatus.CANCELLED) {
            return TrialVerdict.ended(spec, run, RunStatus.CANCELLED.id(), null, null, objective);
        }
        return TrialVerdict.ofRun(spec, run, status, objective);
    }

    @Override
    public void message(String text) {
        experiment.say(text);
    }
}
