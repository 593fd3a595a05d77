package org.cajal.workbench.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.runfolder.Json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The search view's text: a pipeline's {@code "search"} section as editable JSON, where whole lines starting with
 * {@code //} are comments. Prefilled from the pipeline (its text as the runtime formats it, else the file it was
 * opened from), else an example for the open pipeline: its learning rate log-uniform over two decades around the
 * current value, and its first layer's units among half, the same and double. Any thread.
 */
public final class SearchSection {

    /** The objective when the section names none. */
    public static final String DEFAULT_OBJECTIVE = "validation_loss";

    /** Integers as longs, as the experiments engine reads a pipeline's search section; nothing after the object. */
    private static final ObjectReader READER = Json.PRETTY.readerFor(Object.class)
            .with(DeserializationFeature.USE_LONG_FOR_INTS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final ObjectWriter WRITER = Json.PRETTY.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private SearchSection() {
    }

    /**
     * The text to start from.
     *
     * @param formatted the pipeline as the runtime formats it (may carry a "search" object); may be null
     * @param file      the file the pipeline was opened from, or null
     * @param pipeline  the pipeline, for the example
     */
    public static String prefill(String formatted, Path file, Pipeline pipeline) {
        Map<String, Object> found = searchOf(formatted);
        if (found.isEmpty() && file != null && Files.isRegularFile(file)) {
            try {
                found = searchOf(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                found = Map.of();
            }
        }
        if (!found.isEmpty()) {
            return write(found);
        }
        return example(pipeline);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> searchOf(String pipelineText) {
        if (pipelineText == null || pipelineText.isBlank()) {
            return Map.of();
        }
        Map<String, Object> pipeline = Json.parseObject(pipelineText);
        Object search = pipeline == null ? null : pipeline.get("search");
        return search instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A commented example search section for this pipeline. */
    public static String example(Pipeline pipeline) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Object lr = pipeline.training().optimizer() == null ? null
                : pipeline.training().optimizer().params().get("learningRate");
        if (lr instanceof Number n && n.doubleValue() > 0) {
            double v = n.doubleValue();
            parameters.put("training.optimizer.params.learningRate",
                    Map.of("logUniform", List.of(round(v / 10), round(Math.min(1.0, v * 10)))));
        } else {
            parameters.put("training.optimizer.params.learningRate", Map.of("logUniform", List.of(0.0001, 0.1)));
        }
        List<ComponentRef> layers = pipeline.model().layers() == null ? List.of() : pipeline.model().layers();
        for (int i = 0; i < layers.size(); i++) {
            Object units = layers.get(i).params().get("units");
            if (units instanceof Number u && u.longValue() >= 1) {
                long w = u.longValue();
                List<Object> choices = new ArrayList<>();
                for (long c : new long[] {Math.max(1, w / 2), w, w * 2}) {
                    if (!choices.contains(c)) {
                        choices.add(c);
                    }
                }
                parameters.put("model.layers[" + i + "].params.units", Map.of("choices", choices));
                break;
            }
        }
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("method", "random");
        search.put("trials", 8);
        search.put("parallel", 1);
        search.put("objective", DEFAULT_OBJECTIVE);
        search.put("goal", "min");
        search.put("parameters", parameters);
        return "// An example search for '" + pipeline.name() + "': edit it, then press Start.\n"
                + "// method: random (draws 'trials' points) or grid (add \"count\" to logUniform/uniform ranges).\n"
                + "// parameters: a pipeline path → {\"choices\": [...]}, {\"range\": [lo, hi], \"step\": s},\n"
                + "//   {\"uniform\": [lo, hi]} or {\"logUniform\": [lo, hi]}. Lines starting with // are ignored.\n"
                + write(search);
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    /**
     * Reads the text (comment lines dropped) as a JSON object.
     *
     * @throws IllegalArgumentException naming the line and column of what is wrong and how to fix it
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        String[] lines = (text == null ? "" : text).split("\n", -1);
        StringBuilder json = new StringBuilder();
        for (String line : lines) {
            // a comment line becomes an empty one, so that positions still point at the right line
            json.append(line.strip().startsWith("//") ? "" : line).append('\n');
        }
        if (json.toString().isBlank()) {
            throw new IllegalArgumentException("The search section is empty: write a JSON object such as "
                    + "{\"method\": \"random\", \"trials\": 8, \"parameters\": {...}}.");
        }
        Object value;
        try {
            value = READER.readValue(json.toString());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("The search section is not valid JSON ("
                    + (at == null ? "somewhere" : "line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + "): " + e.getOriginalMessage() + ". Check the quotes, commas and brackets there; comments "
                    + "must be whole lines starting with //.");
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("The search section must be a JSON object {...}, not "
                    + (value == null ? "null" : value instanceof List<?> ? "an array" : "a single value") + ".");
        }
        if (!(map.get("parameters") instanceof Map<?, ?> p) || p.isEmpty()) {
            throw new IllegalArgumentException("The search section has no \"parameters\": add at least one, e.g. "
                    + "\"parameters\": {\"training.epochs\": {\"choices\": [10, 20]}}.");
        }
        return (Map<String, Object>) map;
    }

    /** A section as pretty-printed JSON ({@code "key": value}), with a final newline. */
    private static String write(Map<String, Object> search) {
        try {
            return WRITER.writeValueAsString(search) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The objective the section names, or {@link #DEFAULT_OBJECTIVE}. */
    public static String objective(Map<String, Object> search) {
        return search.get("objective") instanceof String s && !s.isBlank() ? s : DEFAULT_OBJECTIVE;
    }

    /** Whether smaller objectives are better: the section's "goal", else from the name (loss, mse, mae, error). */
    public static boolean minimise(Map<String, Object> search) {
        if (search.get("goal") instanceof String g && !g.isBlank()) {
            return !"max".equalsIgnoreCase(g.strip());
        }
        String o = objective(search).toLowerCase(Locale.ROOT);
        return o.contains("loss") || o.contains("mse") || o.contains("mae") || o.contains("error");
    }

    /** An integer setting of the section ("trials", "parallel"), or the fallback. */
    public static int integer(Map<String, Object> search, String key, int fallback) {
        return search.get(key) instanceof Number n ? n.intValue() : fallback;
    }

    /** The parameter paths the section searches over, in its order. */
    public static List<String> parameterPaths(Map<String, Object> search) {
        return search.get("parameters") instanceof Map<?, ?> p
                ? p.keySet().stream().map(String::valueOf).toList() : List.of();
    }
}
