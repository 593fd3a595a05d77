package org.cajal.experiments;

import java.util.Map;

/**
 * Progress of an experiment; called from the experiment's worker threads (a Swing consumer hops to the
 * event-dispatch thread itself). Every method has an empty default.
 */
public interface ExperimentListener {

    /** A trial (search trial, repeat or sweep point) starts: its number from 1, parameters and seed. */
    default void trialStarted(int trial, int trials, Map<String, Object> params, long seed) {
    }

    /** A trial ended (finished, failed or cancelled); also called for trials found finished on resume. */
    default void trialFinished(Trial trial) {
    }

    /** A line for the user (resumed 3 finished trials, ...). */
    default void message(String text) {
    }

    ExperimentListener NONE = new ExperimentListener() {
    };
}
