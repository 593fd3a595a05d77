package org.cajal.workbench.core;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import org.cajal.api.train.TrainingEvent;

/**
 * The workbench's bus for runs: training events of the run in progress (published from the runtime's worker
 * thread, delivered on the event-dispatch thread) and requests to show a run folder's results.
 */
public final class RunEvents {

    private final List<Consumer<TrainingEvent>> training = new CopyOnWriteArrayList<>();
    private final List<Consumer<Path>> opened = new CopyOnWriteArrayList<>();

    public void addTrainingListener(Consumer<TrainingEvent> listener) {
        training.add(listener);
    }

    /** Events published off the event-dispatch thread and not yet delivered, in order. */
    private final java.util.concurrent.ConcurrentLinkedQueue<TrainingEvent> pending =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicBoolean drainScheduled =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * From any thread; listeners are called on the event-dispatch thread, in order. Events from a worker thread
     * are queued and delivered in batches, one task on the event queue for however many arrived meanwhile: a small
     * network on the fused path finishes thousands of mini-batches a second, one task each would swamp the queue.
     */
    public void publish(TrainingEvent event) {
        if (SwingUtilities.isEventDispatchThread()) {
            drain();
            deliver(event);
            return;
        }
        pending.add(event);
        if (drainScheduled.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        TrainingEvent e;
        while ((e = pending.poll()) != null) {
            deliver(e);
        }
    }

    private void deliver(TrainingEvent event) {
        training.forEach(l -> l.accept(event));
    }

    private final List<Consumer<LiveSnapshot>> snapshots = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicReference<LiveSnapshot> nextSnapshot =
            new java.util.concurrent.atomic.AtomicReference<>();

    public void addSnapshotListener(Consumer<LiveSnapshot> listener) {
        snapshots.add(listener);
    }

    /**
     * From the training thread: a look at the model for the live view and the diagram. Only the newest one waits
     * for the event-dispatch thread (a look that arrives before the last was shown replaces it), so a slow screen
     * never holds back training. Returns whether the previous look had been shown already.
     */
    public boolean publishSnapshot(LiveSnapshot snapshot) {
        LiveSnapshot before = nextSnapshot.getAndSet(snapshot);
        if (before == null) {
            SwingUtilities.invokeLater(() -> {
                LiveSnapshot s = nextSnapshot.getAndSet(null);
                if (s != null) {
                    snapshots.forEach(l -> l.accept(s));
                }
            });
        }
        return before == null;
    }

    public void addRunOpenedListener(Consumer<Path> listener) {
        opened.add(listener);
    }

    /** Asks the results (and runs) views to show this run folder; from any thread. */
    public void openRun(Path runFolder) {
        onEdt(() -> opened.forEach(l -> l.accept(runFolder)));
    }

    private static void onEdt(Runnable r) {
        if (SwingUtilities.isEventDispatchThread()) {
            r.run();
        } else {
            SwingUtilities.invokeLater(r);
        }
    }
}
