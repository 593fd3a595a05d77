package org.cajal.spark;

import java.util.List;
import java.util.concurrent.BlockingQueue;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import org.cajal.launcher.spi.TrialDistributor;

/**
 * Turns Spark's scheduler events into Cajal's progress: a task (a trial) started on an executor, a task lost with its
 * executor and tried again, an executor removed. Events go to a queue that the driver's waiting thread empties, so
 * that Cajal's listeners never run on Spark's listener bus.
 */
final class TaskProgress extends SparkListener {

    /** What happened, in the order Spark said it. */
    sealed interface Event {
    }

    record Started(int trial, String executor) implements Event {
    }

    record Finished(TrialDistributor.Result result) implements Event {
    }

    record Message(String text) implements Event {
    }

    private final List<TrialDistributor.Trial> trials;
    private final BlockingQueue<Event> events;

    TaskProgress(List<TrialDistributor.Trial> trials, BlockingQueue<Event> events) {
        this.trials = trials;
        this.events = events;
    }

    private int trial(TaskInfo info) {
        int index = info.index();
        return index >= 0 && index < trials.size() ? trials.get(index).number() : -1;
    }

    private static String where(TaskInfo info) {
        return "executor " + info.executorId() + " (" + info.host() + ")";
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        TaskInfo info = start.taskInfo();
        int trial = trial(info);
        if (trial > 0) {
            events.add(new Started(trial, where(info)));
            if (info.attemptNumber() > 0) {
                events.add(new Message("trial " + trial + ": try " + (info.attemptNumber() + 1) + " on " + where(info)));
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskInfo info = end.taskInfo();
        if (info == null || info.successful() || info.killed()) {
            return;
        }
        String reason = end.reason() instanceof org.apache.spark.TaskFailedReason failed ? failed.toErrorString()
                : String.valueOf(end.reason());
        String first = reason.lines().findFirst().orElse(reason);
        int mark = reason.indexOf(TrialTask.MARK);
        if (mark >= 0) {
            first = reason.substring(mark + TrialTask.MARK.length()).lines().findFirst().orElse(first);
        }
        events.add(new Message("trial " + trial(info) + " did not end on " + where(info) + " (" + first
                + "); Spark runs it again while it has tries left (spark.task.maxFailures)"));
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        events.add(new Message("Spark lost executor " + removed.executorId() + ": " + removed.reason()));
    }
}
