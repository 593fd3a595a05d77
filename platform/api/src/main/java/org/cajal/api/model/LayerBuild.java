package org.cajal.api.model;

import java.util.Objects;

import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A layer type's answer: the DL4J layer configuration, and what the editor shows before anything is trained.
 *
 * @param layer the DL4J configuration (with nIn/nOut set)
 * @param output the shape this layer produces for one example
 * @param parameterCount number of trainable parameters
 */
public record LayerBuild(Layer layer, Shape output, long parameterCount) {

    public LayerBuild {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(output, "output");
        if (parameterCount < 0) {
            throw new IllegalArgumentException("parameterCount < 0");
        }
    }
}
