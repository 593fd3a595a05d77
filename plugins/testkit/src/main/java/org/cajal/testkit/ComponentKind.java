package org.cajal.testkit;

/**
 * The kinds of component a plugin contributes, each an OSGi service registered under one interface of Cajal's API
 * that extends {@code org.cajal.api.Describable} (so every component has an id).
 */
public enum ComponentKind {
    /** {@code org.cajal.api.data.DatasetProvider}: a data source, named in {@code dataset.type}. */
    DATASET("org.cajal.api.data.DatasetProvider", "dataset"),
    /** {@code org.cajal.api.data.Preprocessor}: a step of {@code preprocessing}. */
    PREPROCESSOR("org.cajal.api.data.Preprocessor", "preprocessing step"),
    /** {@code org.cajal.api.model.LayerType}: a layer of {@code model.layers}. */
    LAYER_TYPE("org.cajal.api.model.LayerType", "layer type"),
    /** {@code org.cajal.api.train.OptimizerProvider}: {@code training.optimizer}. */
    OPTIMIZER("org.cajal.api.train.OptimizerProvider", "optimizer"),
    /** {@code org.cajal.api.model.ArchitectureProvider}: {@code model.architecture}. */
    ARCHITECTURE("org.cajal.api.model.ArchitectureProvider", "architecture"),
    /** {@code org.cajal.api.visual.Visualiser}: a chart drawn from a run. */
    VISUALISER("org.cajal.api.visual.Visualiser", "visualiser");

    private final String serviceInterface;
    private final String noun;

    ComponentKind(String serviceInterface, String noun) {
        this.serviceInterface = serviceInterface;
        this.noun = noun;
    }

    /** The fully qualified name of the API interface the component is registered under. */
    public String serviceInterface() {
        return serviceInterface;
    }

    /** One of them in running text ({@code "layer type"}), for messages. */
    public String noun() {
        return noun;
    }
}
