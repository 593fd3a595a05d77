package org.cajal.runtime.internal.train;

import java.util.function.UnaryOperator;

/**
 * When a run writes its checkpoints and whether it keeps them, from two framework properties (system properties
 * of {@code bin/cajal}, e.g. {@code JAVA_OPTS=-Dcajal.checkpoint.seconds=30}):
 * <ul>
 *   <li>{@value #SECONDS_PROPERTY}: at the end of an epoch, a checkpoint is written when at least this many seconds
 *       have passed since the last one (default {@value #DEFAULT_SECONDS}; 0: after every epoch). The first and the
 *       last epoch always get one, and an epoch longer than this gets one at its end.</li>
 *   <li>{@value #KEEP_PROPERTY}: {@code true} keeps the checkpoint files when the run ends (default: they are
 *       deleted once the run's end is recorded).</li>
 * </ul>
 *
 * @param intervalMillis the least time between two checkpoints at epoch ends
 * @param keep           whether the checkpoints stay when the run ends
 */
public record CheckpointPolicy(long intervalMillis, boolean keep) {

    /** Framework property: least seconds between checkpoints (a whole number &ge; 0). */
    public static final String SECONDS_PROPERTY = "cajal.checkpoint.seconds";
    /** Framework property: {@code true} keeps checkpoints after the run ends. */
    public static final String KEEP_PROPERTY = "cajal.checkpoint.keep";
    /** Seconds between checkpoints when the property is not set. */
    public static final int DEFAULT_SECONDS = 1;

    /** After every epoch, deleted at the end. */
    public static final CheckpointPolicy EVERY_EPOCH = new CheckpointPolicy(0, false);

    /** The policy the properties give (a bad value: the default, with a warning on standard error). */
    public static CheckpointPolicy of(UnaryOperator<String> properties) {
        String seconds = properties.apply(SECONDS_PROPERTY);
        long interval = DEFAULT_SECONDS * 1000L;
        if (seconds != null && !seconds.isBlank()) {
            try {
                long s = Long.parseLong(seconds.trim());
                if (s < 0) {
                    throw new NumberFormatException();
                }
                interval = s * 1000;
            } catch (NumberFormatException e) {
                System.err.println("warning: " + SECONDS_PROPERTY + "=" + seconds + " is not a whole number of 0 or "
                        + "more; checkpoints are written at most every " + DEFAULT_SECONDS + " s");
            }
        }
        return new CheckpointPolicy(interval, Boolean.parseBoolean(properties.apply(KEEP_PROPERTY)));
    }

    /** provenance.json's {@code checkpoints}: how often and whether they are kept. */
    public java.util.Map<String, Object> provenance() {
        return java.util.Map.of("everySeconds", intervalMillis / 1000.0, "keep", keep,
                "file", org.cajal.api.run.RunFiles.CHECKPOINT);
    }
}
