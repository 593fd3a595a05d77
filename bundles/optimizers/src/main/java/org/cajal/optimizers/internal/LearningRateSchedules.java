package org.cajal.optimizers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/**
 * The learning-rate schedule parameters every optimizer offers, and the DL4J schedule they make. Epochs are
 * counted from 0: during the first epoch {@code e = 0}.
 */
final class LearningRateSchedules {

    static final String SCHEDULE = "schedule";
    static final String DECAY_RATE = "decayRate";
    static final String DECAY_EVERY = "decayEvery";
    static final String COSINE_PERIOD = "cosinePeriod";
    static final String MIN_LEARNING_RATE = "minLearningRate";

    static final String NONE = "none";
    static final String STEP = "step";
    static final String EXPONENTIAL = "exponential";
    static final String COSINE = "cosine";

    private static final List<ParameterSpec> SPECS = List.of(
            ParameterSpec.choice(SCHEDULE, List.of(NONE, STEP, EXPONENTIAL, COSINE))
                    .help("How the learning rate changes with the epoch e (0 in the first epoch): none keeps it "
                            + "constant; step: lr(e) = learningRate * decayRate^floor(e / decayEvery); exponential: "
                            + "lr(e) = learningRate * decayRate^e; cosine: lr(e) = minLearningRate + (learningRate - "
                            + "minLearningRate) * (1 + cos(pi * min(e, cosinePeriod) / cosinePeriod)) / 2."),
            ParameterSpec.number(DECAY_RATE, 0.5).range(1e-6, 1)
                    .help("Factor the learning rate is multiplied by at each decay (step: every decayEvery epochs; "
                            + "exponential: every epoch)."),
            ParameterSpec.integer(DECAY_EVERY, 10).range(1, 1_000_000).unit("epochs")
                    .help("Epochs between two decays of the step schedule."),
            ParameterSpec.integer(COSINE_PERIOD, 50).range(1, 1_000_000).unit("epochs")
                    .help("Epochs over which the cosine schedule anneals from learningRate to minLearningRate; "
                            + "after that the rate stays at minLearningRate."),
            ParameterSpec.number(MIN_LEARNING_RATE, 0.0).range(0, 10)
                    .help("Learning rate the cosine schedule ends at."));

    private LearningRateSchedules() {
    }

    /** An optimizer's own parameters followed by the schedule parameters. */
    static List<ParameterSpec> withScheduleSpecs(List<ParameterSpec> own) {
        List<ParameterSpec> all = new ArrayList<>(own);
        all.addAll(SPECS);
        return List.copyOf(all);
    }

    /** The schedule the parameters ask for, starting at {@code learningRate}; empty for {@code none}. */
    static Optional<ISchedule> schedule(Parameters parameters, double learningRate) {
        String kind = parameters.getString(SCHEDULE);
        return switch (kind) {
            case NONE -> Optional.empty();
            case STEP -> Optional.of(new StepSchedule(ScheduleType.EPOCH, learningRate,
                    parameters.getDouble(DECAY_RATE), parameters.getInt(DECAY_EVERY)));
            case EXPONENTIAL -> Optional.of(new ExponentialSchedule(ScheduleType.EPOCH, learningRate,
                    parameters.getDouble(DECAY_RATE)));
            case COSINE -> Optional.of(new CosineSchedule(learningRate, parameters.getDouble(MIN_LEARNING_RATE),
                    parameters.getInt(COSINE_PERIOD)));
            default -> throw new IllegalArgumentException("unknown learning-rate schedule '" + kind + "'; expected one of "
                    + String.join(", ", NONE, STEP, EXPONENTIAL, COSINE));
        };
    }

    /** Gives {@code updater} the schedule the parameters ask for, if any, and returns it. */
    static <U extends IUpdater> U apply(U updater, Parameters parameters, double learningRate) {
        schedule(parameters, learningRate).ifPresent(s -> updater.setLrAndSchedule(learningRate, s));
        return updater;
    }
}
