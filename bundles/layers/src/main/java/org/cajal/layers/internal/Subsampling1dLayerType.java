package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.osgi.service.component.annotations.Component;

/** Keeps every k-th time step, shrinking a sequence without mixing neighbouring steps. */
@Component(service = LayerType.class)
public final class Subsampling1dLayerType extends SubsamplingLayerType {

    static final String ID = "subsampling-1d";

    public Subsampling1dLayerType() {
        super(ID, false);
    }
}
