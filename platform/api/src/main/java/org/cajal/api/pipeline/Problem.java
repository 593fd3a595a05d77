package org.cajal.api.pipeline;

import java.util.Objects;

/**
 * One thing wrong with a pipeline.
 *
 * @param location where: a JSON path such as {@code $.model.layers[1].params.units}, or {@code line 3, column 7}
 * @param message what is wrong and how to fix it
 */
public record Problem(String location, String message) {

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
