package org.cajal.api.model;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/** A kind of layer (dense, conv2d, lstm, ...). Registered as an OSGi service; stateless. */
@ConsumerType
public interface LayerType extends Describable {

    /**
     * Builds the layer for its place in the stack and infers its output shape and parameter count. Called for
     * every edit in the workbench, so it must be cheap and must not touch ND4J arrays.
     *
     * @throws LayerException if the input shape or the parameters do not fit; the message names
     *                        {@code context.index()} and both shapes
     */
    LayerBuild build(Parameters parameters, LayerContext context) throws LayerException;
}
