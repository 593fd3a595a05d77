package org.cajal.layers.internal;

import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;

/** The input checks shared by layer types: which kind of shape arrives, named in the user's terms, not DL4J's. */
final class InputShapes {

    private InputShapes() {
    }

    /** "layer 2 (dense)": how messages name a layer, by its index in the pipeline's layer list. */
    static String name(LayerContext context, String type) {
        return "layer " + context.index() + " (" + type + ")";
    }

    /** "an image [3, 32, 32]": a shape with the kind of data it holds, by rank. */
    static String describe(Shape shape) {
        return switch (shape.rank()) {
            case 1 -> "a feature vector " + shape;
            case 2 -> "a sequence " + shape + " (features, time)";
            case 3 -> "an image " + shape + " (channels, height, width)";
            default -> "a rank-" + shape.rank() + " tensor " + shape;
        };
    }

    /** "layer 1 (dense) produces a feature vector [8]": what arrives, for the middle of a message. */
    static String arriving(LayerContext context) {
        return context.previous() + " produces " + describe(context.input());
    }

    /**
     * The input as an image [channels, height, width].
     *
     * @throws LayerException naming the layer, the shape that arrives and how to get an image there
     */
    static Shape image(LayerContext context, String type) throws LayerException {
        Shape input = context.input();
        if (input.rank() != 3) {
            throw new LayerException(name(context, type) + " needs an image [channels, height, width] but "
                    + arriving(context) + "; " + type + " works on images only: place it before any dense, "
                    + "global-pooling or flattening layer, and use an image dataset (feature shape [c, h, w])");
        }
        return input;
    }

    /**
     * The input as a sequence [features, time].
     *
     * @throws LayerException naming the layer, the shape that arrives and how to get a sequence there
     */
    static Shape sequence(LayerContext context, String type) throws LayerException {
        Shape input = context.input();
        if (input.rank() != 2) {
            throw new LayerException(name(context, type) + " needs a sequence [features, time] but "
                    + arriving(context) + "; " + type + " works on sequences only: use a sequence dataset "
                    + "(feature shape [features, time]) or an embedding before it, and place it before any "
                    + "global-pooling layer");
        }
        return input;
    }

    /**
     * The input as an image or a sequence: the layers that work along spatial or time axes.
     *
     * @throws LayerException if a flat vector arrives
     */
    static Shape imageOrSequence(LayerContext context, String type) throws LayerException {
        Shape input = context.input();
        if (input.rank() != 2 && input.rank() != 3) {
            throw new LayerException(name(context, type) + " needs a sequence [features, time] or an image "
                    + "[channels, height, width] but " + arriving(context) + ", which has no time or spatial "
                    + "axis left to work along; move " + type + " before the layers that flatten");
        }
        return input;
    }

    /**
     * The width a fully connected layer sees, as DL4J's automatic preprocessors deliver it: a vector as is,
     * an image flattened to channels * height * width, a sequence one time step (its features) at a time.
     */
    static long fullyConnectedWidth(Shape input) {
        return input.rank() == 2 ? input.dim(0) : input.elements();
    }
}
