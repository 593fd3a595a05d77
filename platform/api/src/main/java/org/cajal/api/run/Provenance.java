package org.cajal.api.run;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * provenance.json: where a run's numbers came from. The keys read here are typed; the rest (the data's fingerprint,
 * the installed bundles, the compute backend, the JVM, OS and CPU, the engine, ...) stay in {@link #values}.
 *
 * @param values the JSON object in file order; nested objects are maps, arrays are lists
 */
public record Provenance(Map<String, Object> values) {

    public Provenance {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The run id ({@code run}), which is also its folder's name. */
    public Optional<String> runId() {
        return text("run");
    }

    /** The pipeline's name. */
    public Optional<String> pipeline() {
        return text("pipeline");
    }

    /** The seed the run used. */
    public OptionalLong seed() {
        return values.get("seed") instanceof Number n ? OptionalLong.of(n.longValue()) : OptionalLong.empty();
    }

    /** The status; an absent or unknown word reads as empty. */
    public Optional<RunStatus> status() {
        return RunStatus.of(text("status").orElse(null));
    }

    /** When the run started. */
    public Optional<Instant> start() {
        return instant("start");
    }

    /** When the run ended (empty while it runs). */
    public Optional<Instant> end() {
        return instant("end");
    }

    /** The error message of a failed run. */
    public Optional<String> error() {
        return text("error");
    }

    /** A top-level string value. */
    public Optional<String> text(String key) {
        return values.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** A top-level object, as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
        return values.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private Optional<Instant> instant(String key) {
        try {
            return text(key).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
