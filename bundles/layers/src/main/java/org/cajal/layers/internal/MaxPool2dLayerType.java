package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.osgi.service.component.annotations.Component;

/** Max pooling over image windows, the classic way to halve a feature map between convolutions. */
@Component(service = LayerType.class)
public final class MaxPool2dLayerType extends PoolingLayerType {

    static final String ID = "max-pool-2d";

    public MaxPool2dLayerType() {
        super(ID, true, PoolingType.MAX);
    }
}
