package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How to run a pipeline.
 *
 * @param runsDirectory parent folder of run folders (one new sub-folder per run)
 * @param seed overrides the pipeline's seed when present
 */
public record RunOptions(Path runsDirectory, OptionalLong seed) {

    public RunOptions {
        Objects.requireNonNull(runsDirectory, "runsDirectory");
        seed = seed == null ? OptionalLong.empty() : seed;
    }
}
