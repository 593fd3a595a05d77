package org.cajal.api.run;

import java.util.Locale;
import java.util.Optional;

/** A run's status as provenance.json's {@code status} records it. */
public enum RunStatus {
    /** Started and not ended (or the process that ran it died). */
    RUNNING,
    /** Trained for every epoch (or stopped early by its early-stopping rule) and evaluated. */
    FINISHED,
    /** Stopped by the user; the model so far was evaluated and saved. */
    CANCELLED,
    /** Stopped because the loss became NaN or infinite. */
    DIVERGED,
    /** Ended by an error; error.txt holds the details. */
    FAILED,
    /**
     * Recorded as running, but no process runs it any more: it was killed, crashed or lost power before it could
     * record its end. What it wrote is kept; it can be deleted. provenance.json still says {@code running}: this
     * status is what a reader concludes (the running process holds {@link RunFiles#LOCK}).
     *
     * @since 1.1
     */
    INTERRUPTED;

    /** The word written in provenance.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the run has ended (any status but {@link #RUNNING}). */
    public boolean ended() {
        return this != RUNNING;
    }

    /** The status a provenance.json word names, or empty for null or an unknown word. */
    public static Optional<RunStatus> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (RunStatus s : values()) {
            if (s.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id();
    }
}
