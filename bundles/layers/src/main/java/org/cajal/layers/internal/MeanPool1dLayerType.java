package org.cajal.layers.internal;

import org.cajal.api.model.LayerType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.osgi.service.component.annotations.Component;

/** Mean pooling over time, which shrinks a sequence by averaging neighbouring steps. */
@Component(service = LayerType.class)
public final class MeanPool1dLayerType extends PoolingLayerType {

    static final String ID = "mean-pool-1d";

    public MeanPool1dLayerType() {
        super(ID, false, PoolingType.AVG);
    }
}
