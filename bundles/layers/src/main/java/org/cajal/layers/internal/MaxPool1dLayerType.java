package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.osgi.service.component.annotations.Component;

/** Max pooling over time, the usual way to shrink a sequence while keeping its strongest responses. */
@Component(service = LayerType.class)
public final class MaxPool1dLayerType extends PoolingLayerType {

    static final String ID = "max-pool-1d";

    public MaxPool1dLayerType() {
        super(ID, false, PoolingType.MAX);
    }
}
