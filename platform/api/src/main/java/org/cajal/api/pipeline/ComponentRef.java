package org.cajal.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A reference to an installed component by id, with its raw parameter values as written in the pipeline file
 * (Integer, Long, Double, String or Boolean).
 */
public record ComponentRef(String type, Map<String, Object> params) {

    public ComponentRef {
        Objects.requireNonNull(type, "type");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    public static ComponentRef of(String type) {
        return new ComponentRef(type, Map.of());
    }
}
