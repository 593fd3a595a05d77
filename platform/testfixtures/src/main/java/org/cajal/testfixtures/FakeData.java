package org.cajal.testfixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;

/** The fake's use of a pipeline's data: the dataset's {@code file} parameter, whose bytes move the loss a little. */
final class FakeData {

    private FakeData() {
    }

    /**
     * 0 when the dataset names no {@code file}; else a number in [0, 0.01) from the file's bytes.
     *
     * @throws PipelineException when the file (resolved against the document's base directory) does not exist
     */
    static double term(PipelineDocument document) throws PipelineException {
        Object file = document.pipeline().dataset().params().get("file");
        if (file == null) {
            return 0;
        }
        Path path = document.baseDirectory() == null ? Path.of(file.toString())
                : document.baseDirectory().resolve(file.toString());
        if (!Files.isRegularFile(path)) {
            throw new PipelineException(document.source(), new Problem("$.dataset.params.file",
                    "file not found: " + path));
        }
        long hash = 0;
        try {
            for (byte b : Files.readAllBytes(path)) {
                hash = hash * 31 + b;
            }
        } catch (IOException e) {
            throw new PipelineException(document.source(), new Problem("$.dataset.params.file", e.getMessage()));
        }
        return Math.floorMod(hash, 1000) / 100_000.0;
    }
}
