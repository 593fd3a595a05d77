package org.cajal.workbench.core;

/** The kinds of component the palette shows, in palette order. */
public enum Kind {
    DATASET("Datasets", "dataset"),
    PREPROCESSING("Preprocessing", "preprocessing step"),
    LAYER("Layers", "layer type"),
    OPTIMIZER("Optimizers", "optimizer"),
    ARCHITECTURE("Architectures", "architecture"),
    VISUALISER("Visualisers", "visualiser");

    private final String label;
    private final String singular;

    Kind(String label, String singular) {
        this.label = label;
        this.singular = singular;
    }

    /** Plural heading, e.g. "Layers". */
    public String label() {
        return label;
    }

    /** One of them in running text, e.g. "layer type". */
    public String singular() {
        return singular;
    }
}
