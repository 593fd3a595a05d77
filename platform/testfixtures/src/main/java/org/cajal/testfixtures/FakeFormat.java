package org.cajal.testfixtures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.runfolder.Json;

/**
 * The fake's pipeline format: the keys the fake runner uses (name, seed, dataset, split, model.layers, training's
 * loss, optimizer, epochs and batch size), the rest of the text ignored. Like the runtime it rejects a
 * {@code search} key: a search's trials are plain pipelines.
 */
final class FakeFormat {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private FakeFormat() {
    }

    static JsonNode tree(String json, String source) throws PipelineException {
        try {
            JsonNode n = Json.PRETTY.readTree(json);
            if (n == null || !n.isObject()) {
                throw new PipelineException(source, new Problem("$", "a pipeline file is a JSON object {...}"));
            }
            return n;
        } catch (IOException e) {
            throw new PipelineException(source, new Problem("$", "not JSON: " + e.getMessage()));
        }
    }

    static PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        JsonNode n = tree(json, source);
        if (n.has("search")) {
            throw new PipelineException(source, new Problem("$.search", "unknown key"));
        }
        JsonNode split = n.path("split");
        SplitSpec spec = new SplitSpec(split.path("validation").asDouble(0.2), split.path("test").asDouble(0.2),
                split.path("stratify").asBoolean(true), split.path("folds").asInt(0));
        List<ComponentRef> layers = new ArrayList<>();
        n.path("model").path("layers").forEach(l -> layers.add(component(l)));
        JsonNode training = n.path("training");
        Pipeline p = new Pipeline(n.path("schema").asInt(1), n.path("name").asText("fake"),
                n.path("description").asText(""), n.path("seed").asLong(Pipeline.DEFAULT_SEED),
                component(n.path("dataset")), List.of(), spec, new ModelSpec(null, Map.of(), layers),
                new TrainingSpec(training.path("loss").asText("mse"), component(training.path("optimizer")),
                        training.path("epochs").asInt(3), training.path("batchSize").asInt(16)));
        return new PipelineDocument(p, json, source, baseDirectory);
    }

    private static ComponentRef component(JsonNode node) {
        Map<String, Object> params = node.path("params").isObject()
                ? Json.PRETTY.convertValue(node.get("params"), MAP) : Map.of();
        return new ComponentRef(node.path("type").asText("none"), params);
    }

    static String format(Pipeline p) {
        Map<String, Object> split = RunFolderBuilder.ordered("validation", p.split().validation(),
                "test", p.split().test(), "stratify", p.split().stratify());
        if (p.split().isKFold()) {
            split.put("folds", p.split().folds());
        }
        Map<String, Object> root = RunFolderBuilder.ordered("schema", p.schemaVersion(), "name", p.name(),
                "description", p.description(), "seed", p.seed(), "dataset", component(p.dataset()),
                "split", split, "model", Map.of("layers", p.model().layers().stream().map(FakeFormat::component)
                        .toList()),
                "training", RunFolderBuilder.ordered("loss", p.training().loss(),
                        "optimizer", component(p.training().optimizer()), "epochs", p.training().epochs(),
                        "batchSize", p.training().batchSize()));
        try {
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("a tree of plain values always formats", e);
        }
    }

    private static Map<String, Object> component(ComponentRef ref) {
        return RunFolderBuilder.ordered("type", ref.type(), "params", ref.params());
    }
}
