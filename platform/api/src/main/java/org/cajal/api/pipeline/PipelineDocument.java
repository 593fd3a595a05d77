package org.cajal.api.pipeline;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A pipeline together with the text it was read from (copied byte for byte into every run folder) and the folder
 * its relative file paths resolve against.
 *
 * @param source display name of the origin (usually the file path)
 */
public record PipelineDocument(Pipeline pipeline, String text, String source, Path baseDirectory) {

    public PipelineDocument {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }
}
