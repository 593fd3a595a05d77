package org.cajal.api.pipeline;

import java.nio.file.Path;

import org.osgi.annotation.versioning.ProviderType;

/** Reads, parses and writes pipeline files. Provided by the runtime bundle. */
@ProviderType
public interface PipelineFormat {

    /**
     * Reads a pipeline file.
     *
     * @throws PipelineException for a missing file, invalid JSON (line and column), unknown keys or wrong types
     *                           (JSON path)
     */
    PipelineDocument read(Path file) throws PipelineException;

    /** Reads pipeline text from another source (an editor); relative paths resolve against baseDirectory. */
    PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException;

    /**
     * Writes a pipeline in the file format {@link #read} reads (pretty-printed JSON, keys in the documented order,
     * parameters as given). Reading the text back gives an equal pipeline, and formatting that gives the same text.
     */
    String format(Pipeline pipeline);

    /** A document of a pipeline built in memory (a form, a search's trial): its text is {@link #format}'s. */
    default PipelineDocument document(Pipeline pipeline, String source, Path baseDirectory) {
        return new PipelineDocument(pipeline, format(pipeline), source, baseDirectory);
    }
}
