package org.cajal.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A pipeline as text: read from a file, or the workbench editor's current (maybe unsaved) document.
 *
 * @param json the pipeline file's text
 * @param source what error messages name (the file's path)
 * @param baseDirectory what relative paths in it (data files) resolve against
 */
public record PipelineSource(String json, String source, Path baseDirectory) {

    public PipelineSource {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    /** Reads a pipeline file. */
    public static PipelineSource of(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        return new PipelineSource(Files.readString(absolute, StandardCharsets.UTF_8), absolute.toString(),
                absolute.getParent());
    }
}
