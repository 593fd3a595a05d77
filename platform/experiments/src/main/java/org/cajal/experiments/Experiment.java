package org.cajal.experiments;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * An experiment started by {@link Searches} or {@link Repeats}, running on worker threads.
 *
 * @see ExperimentFolder
 */
public interface Experiment {

    /** The experiment folder (exists from the start). */
    Path folder();

    /** The trials finished so far, by number. */
    List<Trial> trials();

    /** Completes with all trials when the last has ended (or after {@link #cancel}). */
    CompletableFuture<List<Trial>> done();

    /** Stops: runs in progress are cancelled, no new trial starts; what finished stays in the folder. */
    void cancel();
}
