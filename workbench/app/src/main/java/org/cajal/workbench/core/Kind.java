package org.cajal.workbench.core;

/** The kinds of component the palette shows, in palette order. */
public enum Kind {
    DATASET("Datasets"),
    PREPROCESSING("Preprocessing"),
    LAYER("Layers"),
    OPTIMIZER("Optimizers"),
    ARCHITECTURE("Architectures"),
    VISUALISER("Visualisers");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** Plural heading, e.g. "Layers". */
    public String label() {
        return label;
    }
}
