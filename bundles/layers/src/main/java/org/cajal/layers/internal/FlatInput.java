package org.cajal.layers.internal;

import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;

/** The input check shared by fully connected layers: they need a flat vector, and say so in the user's terms. */
final class FlatInput {

    private FlatInput() {
    }

    /** "layer 2 (dense)": how messages name a layer, by its index in the pipeline's layer list. */
    static String name(LayerContext context, String type) {
        return "layer " + context.index() + " (" + type + ")";
    }

    /**
     * The width of a rank-1 input.
     *
     * @throws LayerException naming the layer, the expected shape [n] and the shape that arrives
     */
    static long width(LayerContext context, String type) throws LayerException {
        if (context.input().rank() != 1) {
            throw new LayerException(name(context, type) + " expects a flat input of shape [n] but "
                    + context.previous() + " produces " + context.input() + " (rank " + context.input().rank()
                    + "); flatten that output into a vector of " + context.input().elements()
                    + " values before this layer");
        }
        return context.input().dim(0);
    }
}
