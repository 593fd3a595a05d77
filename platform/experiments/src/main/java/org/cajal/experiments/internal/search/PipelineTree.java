package org.cajal.experiments.internal.search;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.PipelineSource;
import org.cajal.runfolder.Json;

/**
 * A pipeline file as Jackson's tree, for making trial pipelines: the {@code search} section removed (a trial is
 * a plain pipeline), parameter values set by path, written back as pretty-printed text.
 */
public final class PipelineTree {

    private final ObjectNode root;

    private PipelineTree(ObjectNode root) {
        this.root = root;
    }

    /** Reads the pipeline text; not JSON or not an object is a PipelineException naming the source. */
    public static PipelineTree of(PipelineSource source) throws PipelineException {
        try {
            JsonNode node = Json.PRETTY.readTree(source.json());
            if (!(node instanceof ObjectNode object)) {
                throw new PipelineException(source.source(), new Problem("$", "a pipeline file is a JSON object {...}"));
            }
            return new PipelineTree(object);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "$" : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new PipelineException(source.source(), new Problem(where, "not valid JSON: " + e.getOriginalMessage()));
        }
    }

    /** The pipeline's name ("pipeline" when it has none). */
    public String name() {
        return root.path("name").asText("pipeline");
    }

    /** The pipeline's seed, or the default seed (42) when it names none. */
    public long seed() {
        return root.path("seed").canConvertToLong() ? root.get("seed").asLong()
                : org.cajal.api.pipeline.Pipeline.DEFAULT_SEED;
    }

    /** The {@code search} section as plain Java values, empty when absent. */
    public Map<String, Object> search() {
        JsonNode s = root.get("search");
        if (s == null || !s.isObject()) {
            return new LinkedHashMap<>();
        }
        return Json.PRETTY.convertValue(s, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** A node of the file (null when absent). */
    public JsonNode at(String path) {
        return JsonPath.parse(path).get(root);
    }

    /**
     * The pipeline text of one trial: the search section removed and each value set at its path.
     *
     * @throws IllegalArgumentException for a path that does not fit the file (the message names the step)
     */
    public String trial(Map<String, Object> values) {
        ObjectNode copy = root.deepCopy();
        copy.remove("search");
        for (Map.Entry<String, Object> e : values.entrySet()) {
            try {
                JsonPath.parse(e.getKey()).set(copy, Json.PRETTY.valueToTree(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return text(copy);
    }

    /**
     * The pipeline text with {@code hidden} hidden layers: model.layers becomes that many copies of its first
     * layer followed by its last layer (the output layer).
     *
     * @throws IllegalArgumentException when model.layers is not a list of at least two layers
     */
    public String withDepth(int hidden, Map<String, Object> otherValues) {
        if (hidden < 1) {
            throw new IllegalArgumentException("depth " + hidden + ": the number of hidden layers must be at least 1");
        }
        ObjectNode copy = root.deepCopy();
        copy.remove("search");
        JsonNode layers = copy.path("model").get("layers");
        if (!(layers instanceof ArrayNode array) || array.size() < 2) {
            throw new IllegalArgumentException("depth: model.layers must list at least one hidden layer and the "
                    + "output layer (the last one); the first hidden layer is the one repeated");
        }
        JsonNode first = array.get(0);
        JsonNode output = array.get(array.size() - 1);
        array.removeAll();
        for (int i = 0; i < hidden; i++) {
            array.add(first.deepCopy());
        }
        array.add(output);
        for (Map.Entry<String, Object> e : otherValues.entrySet()) {
            JsonPath.parse(e.getKey()).set(copy, Json.PRETTY.valueToTree(e.getValue()));
        }
        return text(copy);
    }

    /**
     * Checks that a value can be set at the path in this file.
     *
     * @throws IllegalArgumentException naming the step that does not exist
     */
    public void checkPath(String path) {
        JsonPath.parse(path).set(root.deepCopy(), com.fasterxml.jackson.databind.node.NullNode.getInstance());
    }

    /** The file's own text without its search section (what a repeat runs). */
    public String withoutSearch() {
        return trial(Map.of());
    }

    private static String text(ObjectNode node) {
        try {
            return Json.PRETTY.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
