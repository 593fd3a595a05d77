package org.cajal.bench.internal;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small workload ready for every side, for one seed.
 *
 * @param id which workload
 * @param pipeline the pipeline document the Cajal side runs (as written to {@code file})
 * @param file the pipeline file in the bench's temporary folder
 * @param seed the seed every side trains with (the pipeline's, or a repeat's)
 * @param net the network and training settings read from the pipeline
 * @param prepared the split's parts after preprocessing, for the DL4J side
 * @param split the example indices of the hold-out split
 * @param dataFolder the same parts as CSV files, for the PyTorch side
 */
record PreparedWorkload(SmallWorkload id, ObjectNode pipeline, Path file, long seed, SmallNetwork net,
                        TabularData.Prepared prepared, HoldOutSplit split, Path dataFolder) {

    /** {@code accuracy} for classification, {@code mse} for regression: the test metric every side reports. */
    String testMetric() {
        return prepared.classes() > 0 ? "accuracy" : "mse";
    }
}
