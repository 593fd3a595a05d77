package org.cajal.api.compute;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The ND4J backend in use. Registered by the engine bundle once ND4J is initialised, so a component that
 * references it is only activated when ND4J is ready to compute.
 */
@ProviderType
public interface ComputeBackend {

    /** Service property: the backend kind, {@code cpu} or {@code cuda}. */
    String KIND_PROPERTY = "cajal.backend.kind";

    /** What runs and on what hardware. */
    BackendInfo info();
}
