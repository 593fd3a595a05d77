package org.cajal.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model section.
 *
 * @param architecture id of an {@link org.cajal.api.model.ArchitectureProvider}, or {@link #LAYER_STACK}
 * @param params the architecture's parameters (empty for a layer stack)
 * @param layers the layer stack, input side first (empty for other architectures)
 */
public record ModelSpec(String architecture, Map<String, Object> params, List<ComponentRef> layers) {

    /** The built-in architecture: a plain stack of layers. */
    public static final String LAYER_STACK = "layer-stack";

    public ModelSpec {
        architecture = architecture == null ? LAYER_STACK : architecture;
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        layers = List.copyOf(layers == null ? List.of() : layers);
    }

    public boolean isLayerStack() {
        return LAYER_STACK.equals(architecture);
    }
}
