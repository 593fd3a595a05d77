package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.osgi.service.component.annotations.Component;

/** Keeps every k-th row and column, shrinking an image without mixing neighbouring pixels. */
@Component(service = LayerType.class)
public final class Subsampling2dLayerType extends SubsamplingLayerType {

    static final String ID = "subsampling-2d";

    public Subsampling2dLayerType() {
        super(ID, true);
    }
}
