package org.cajal.api.pipeline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which loop trains a layer stack ({@code training.engine} in a pipeline file).
 *
 * <ul>
 *   <li>{@link #AUTO} (the default): the fused dense path when the stack is made only of dense, output and dropout
 *       layers with what that path supports, DL4J's {@code MultiLayerNetwork} otherwise;</li>
 *   <li>{@link #DL4J}: always DL4J's {@code MultiLayerNetwork} (the reference);</li>
 *   <li>{@link #FUSED}: the fused dense path, or an error naming the layer or setting that prevents it.</li>
 * </ul>
 * Both paths start from the same initial weights (DL4J's initialisation for the pipeline's seed), apply the same
 * update rules and save the same DL4J model file; architectures (transformer, GAN) always train their own way.
 */
public enum TrainingEngine {
    AUTO, DL4J, FUSED;

    /** The id a pipeline file uses: {@code auto}, {@code dl4j} or {@code fused}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The engine with this id, if any. */
    public static Optional<TrainingEngine> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst();
    }

    /** The ids, in order, for messages and forms. */
    public static java.util.List<String> ids() {
        return Arrays.stream(values()).map(TrainingEngine::id).toList();
    }
}
