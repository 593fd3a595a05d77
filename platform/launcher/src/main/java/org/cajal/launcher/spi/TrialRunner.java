package org.cajal.launcher.spi;

import java.nio.file.Path;

/**
 * Runs one distributed trial inside a Cajal framework: parses its pipeline, trains it as {@code cajal run} would and
 * says where the run folder is. The experiments bundle registers it as an OSGi service; an executor of a
 * {@link TrialDistributor} looks it up in the framework it booted.
 */
public interface TrialRunner {

    /**
     * @param folder the run folder, or null when the trial was refused before a folder was made
     * @param error why the trial failed, in Cajal's words; null when the run ended on its own
     */
    record Outcome(Path folder, String error) {
    }

    /**
     * Runs the trial to its end in a new run folder under {@code runsDirectory}; a failure is an outcome, never an
     * exception.
     *
     * @throws InterruptedException when the waiting thread was interrupted (the run is then cancelled)
     */
    Outcome run(TrialDistributor.Trial trial, Path runsDirectory) throws InterruptedException;
}
