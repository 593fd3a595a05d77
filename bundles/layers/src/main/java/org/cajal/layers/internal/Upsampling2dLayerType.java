package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.osgi.service.component.annotations.Component;

/** Repeats each pixel, enlarging an image (e.g. in a decoder or segmentation net). */
@Component(service = LayerType.class)
public final class Upsampling2dLayerType extends UpsamplingLayerType {

    static final String ID = "upsampling-2d";

    public Upsampling2dLayerType() {
        super(ID, true);
    }
}
