package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.osgi.service.component.annotations.Component;

/** Repeats each time step, lengthening a sequence (e.g. in a decoder). */
@Component(service = LayerType.class)
public final class Upsampling1dLayerType extends UpsamplingLayerType {

    static final String ID = "upsampling-1d";

    public Upsampling1dLayerType() {
        super(ID, false);
    }
}
