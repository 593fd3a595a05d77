package org.cajal.api.data;

/** What a dataset's target is, which decides the output layer, loss and evaluation metrics. */
public enum TargetKind {
    /** One or more real-valued targets. */
    REGRESSION,
    /** Two classes. */
    BINARY,
    /** Three or more classes. */
    MULTICLASS,
    /** No target (generative models, unsupervised use). */
    NONE;

    /** Whether targets are class indices. */
    public boolean isClassification() {
        return this == BINARY || this == MULTICLASS;
    }
}
