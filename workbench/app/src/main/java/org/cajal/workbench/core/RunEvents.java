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

    /** From any thread; listeners are called on the event-dispatch thread, in order. */
    public void publish(TrainingEvent event) {
        onEdt(() -> training.forEach(l -> l.accept(event)));
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
