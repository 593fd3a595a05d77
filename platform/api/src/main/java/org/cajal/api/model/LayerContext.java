package org.cajal.api.model;

import java.util.Objects;

import org.cajal.api.data.DataSchema;

/**
 * What a layer type needs to know about its place in the stack.
 *
 * @param index position in the pipeline's {@code model.layers} array (0-based, as in the JSON path)
 * @param input shape arriving from the previous layer (or the dataset for layer 0)
 * @param previous description of what produces the input ({@code "layer 1 (dense)"} or {@code "the dataset"})
 * @param last whether this is the last layer of the stack (the one the loss is applied to)
 * @param loss the training loss id ({@code mse}, {@code binary-cross-entropy}, {@code categorical-cross-entropy})
 * @param schema the schema of the (preprocessed) data
 */
public record LayerContext(int index, Shape input, String previous, boolean last, String loss, DataSchema schema) {

    public LayerContext {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(schema, "schema");
    }
}
