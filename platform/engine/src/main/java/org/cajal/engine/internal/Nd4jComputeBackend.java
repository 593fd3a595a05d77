package org.cajal.engine.internal;

import org.cajal.api.compute.BackendInfo;
import org.cajal.api.compute.ComputeBackend;

/** The registered service: a fixed description of the ND4J backend, taken once when it was ready. */
final class Nd4jComputeBackend implements ComputeBackend {

    private final BackendInfo info;

    Nd4jComputeBackend(BackendInfo info) {
        this.info = info;
    }

    @Override
    public BackendInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "ComputeBackend[" + info.kind() + ", " + info.backendClass() + ", " + info.nativeVariant() + "]";
    }
}
