package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.osgi.service.component.annotations.Component;

/** Mean pooling over image windows, which shrinks a feature map by averaging neighbourhoods. */
@Component(service = LayerType.class)
public final class MeanPool2dLayerType extends PoolingLayerType {

    static final String ID = "mean-pool-2d";

    public MeanPool2dLayerType() {
        super(ID, true, PoolingType.AVG);
    }
}
