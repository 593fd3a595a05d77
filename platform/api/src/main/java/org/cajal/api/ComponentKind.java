package org.cajal.api;

/**
 * The kinds of component a bundle contributes, each an OSGi service registered under one interface of Cajal's API
 * that extends {@link Describable} (so every component has an id), in the order the workbench's palette shows them.
 * The interfaces are named, not referenced, so that this package depends on none of its sub-packages.
 */
public enum ComponentKind {
    /** {@code org.cajal.api.data.DatasetProvider}: a data source, named in {@code dataset.type}. */
    DATASET("org.cajal.api.data.DatasetProvider", "dataset", "Datasets"),
    /** {@code org.cajal.api.data.Preprocessor}: a step of {@code preprocessing}. */
    PREPROCESSOR("org.cajal.api.data.Preprocessor", "preprocessing step", "Preprocessing"),
    /** {@code org.cajal.api.model.LayerType}: a layer of {@code model.layers}. */
    LAYER_TYPE("org.cajal.api.model.LayerType", "layer type", "Layers"),
    /** {@code org.cajal.api.train.OptimizerProvider}: {@code training.optimizer}. */
    OPTIMIZER("org.cajal.api.train.OptimizerProvider", "optimizer", "Optimizers"),
    /** {@code org.cajal.api.model.ArchitectureProvider}: {@code model.architecture}. */
    ARCHITECTURE("org.cajal.api.model.ArchitectureProvider", "architecture", "Architectures"),
    /** {@code org.cajal.api.visual.Visualiser}: a chart drawn from a run. */
    VISUALISER("org.cajal.api.visual.Visualiser", "visualiser", "Visualisers");

    private final String serviceInterface;
    private final String noun;
    private final String label;

    ComponentKind(String serviceInterface, String noun, String label) {
        this.serviceInterface = serviceInterface;
        this.noun = noun;
        this.label = label;
    }

    /** The fully qualified name of the API interface the component is registered under. */
    public String serviceInterface() {
        return serviceInterface;
    }

    /** One of them in running text ({@code "layer type"}), for messages. */
    public String noun() {
        return noun;
    }

    /** The plural heading ({@code "Layers"}), for palettes and reference pages. */
    public String label() {
        return label;
    }
}
