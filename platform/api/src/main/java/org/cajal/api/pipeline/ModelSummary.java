package org.cajal.api.pipeline;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cajal.api.model.Shape;

/**
 * What a pipeline's model looks like before training: the input shape the data gives it, every layer's output
 * shape and parameter count, and the problems found (a layer that does not fit its input is marked on that layer).
 * The workbench shows this live while a layer stack is edited.
 *
 * @param input           the shape of one example after preprocessing; empty if the data could not be opened
 * @param layers          one entry per layer of a layer stack, in order (empty for other architectures)
 * @param totalParameters the number of trainable parameters, or -1 if unknown (the model could not be built)
 * @param problems        everything {@link PipelineCheck#validate} would report, with JSON paths
 */
public record ModelSummary(Optional<Shape> input, List<Layer> layers, long totalParameters, List<Problem> problems) {

    public ModelSummary {
        Objects.requireNonNull(input, "input");
        layers = List.copyOf(layers);
        problems = List.copyOf(problems);
    }

    /**
     * One layer of a stack.
     *
     * @param index      position in the stack (0 = first)
     * @param type       the layer type's id
     * @param output     its output shape, empty if it could not be built
     * @param parameters its trainable parameters, or -1 if it could not be built
     * @param problem    why it could not be built (null if it could), e.g. an input shape it does not accept
     */
    public record Layer(int index, String type, Optional<Shape> output, long parameters, String problem) {
        public Layer {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(output, "output");
        }

        public boolean hasProblem() {
            return problem != null;
        }
    }

    /** True when nothing stops the pipeline from running. */
    public boolean runnable() {
        return problems.isEmpty();
    }
}
