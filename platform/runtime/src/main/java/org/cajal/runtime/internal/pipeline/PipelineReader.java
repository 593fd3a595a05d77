package org.cajal.runtime.internal.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.EarlyStopping;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingEngine;
import org.cajal.api.pipeline.TrainingSpec;

/**
 * Turns pipeline JSON into a {@link Pipeline}, strictly: invalid JSON is reported with line and column; unknown
 * keys, wrong types and out-of-range structural values with their JSON path. Component ids and their parameters
 * are checked later, against the installed services, by {@link PipelineValidator}. The optional top-level
 * {@code "search"} object is kept as plain values, uninterpreted (the experiments bundle reads it).
 */
public final class PipelineReader {

    /** Most epochs a pipeline may ask for; a guard against typos such as 3000000. */
    static final int MAX_EPOCHS = 1_000_000;

    /** Most folds for k-fold cross-validation. */
    static final int MAX_FOLDS = 100;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Reads a UTF-8 pipeline file (a leading byte-order mark is dropped); relative paths resolve against its folder. */
    public PipelineDocument read(Path file) throws PipelineException {
        String text = PipelineFile.read(file);
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? Path.of("").toAbsolutePath() : absolute.getParent();
        return parse(text, file.toString(), folder);
    }

    public PipelineDocument parse(String text, String source, Path baseDirectory) throws PipelineException {
        Problem syntax = JsonSyntax.check(text);
        if (syntax != null) {
            throw new PipelineException(source, syntax);
        }
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON that passed the syntax check failed to read", e);
        }
        if (root == null || !root.isObject()) {
            throw new PipelineException(source, new Problem("$",
                    "a pipeline file must hold one JSON object { ... }, but it holds "
                            + (root == null || root.isMissingNode() ? "nothing" : JsonSection.kind(root))));
        }
        List<Problem> problems = new ArrayList<>();
        Pipeline pipeline = pipeline(new JsonSection(root, "$", problems));
        if (!problems.isEmpty() || pipeline == null) {
            throw new PipelineException(source, problems);
        }
        return new PipelineDocument(pipeline, text, source, baseDirectory);
    }

    private Pipeline pipeline(JsonSection root) {
        Integer schema = root.intInRange("schema", null, Pipeline.SCHEMA_VERSION, Pipeline.SCHEMA_VERSION);
        String name = root.requireString("name");
        String description = root.optString("description", "");
        Long seed = root.optLong("seed", Pipeline.DEFAULT_SEED);
        ComponentRef dataset = component(root.object("dataset", true));
        List<ComponentRef> preprocessing = root.objects("preprocessing").stream().map(this::component).toList();
        SplitSpec split = split(root.object("split", false));
        ModelSpec model = model(root.object("model", true));
        TrainingSpec training = training(root.object("training", true));
        Map<String, Object> search = root.freeObject("search");
        root.rejectUnknownKeys();
        if (schema == null || name == null || seed == null || dataset == null || split == null || model == null
                || training == null || preprocessing.contains(null) || search == null) {
            return null;
        }
        return new Pipeline(schema, name, description, seed, dataset, preprocessing, split, model, training, search);
    }

    private ComponentRef component(JsonSection s) {
        if (s == null) {
            return null;
        }
        String type = s.requireString("type");
        var params = s.scalars("params");
        s.rejectUnknownKeys();
        return type == null ? null : new ComponentRef(type, params);
    }

    private SplitSpec split(JsonSection s) {
        if (s == null) {
            return SplitSpec.DEFAULT;
        }
        Double validation = s.doubleInRange("validation", SplitSpec.DEFAULT.validation(), 0, 0.9);
        Double test = s.doubleInRange("test", SplitSpec.DEFAULT.test(), 0, 0.9);
        Boolean stratify = s.optBoolean("stratify", true);
        Integer folds = s.intInRange("folds", 0, 0, MAX_FOLDS);
        Double labelNoise = s.doubleInRange("labelNoise", 0.0, 0, 1);
        s.rejectUnknownKeys();
        if (validation == null || test == null || stratify == null || folds == null || labelNoise == null) {
            return null;
        }
        if (folds == 1) {
            s.add("folds", "1 fold is no cross-validation; use 0 for a hold-out split or 2 or more folds");
            return null;
        }
        if (validation + test >= 0.95) {
            s.add(null, "validation + test = " + (validation + test) + " leaves too little training data; "
                    + "keep their sum below 0.95");
            return null;
        }
        if (labelNoise > 0 && folds > 0) {
            s.add("labelNoise", "label noise needs a hold-out split (with folds, every row is some fold's "
                    + "validation data); remove \"folds\" or set \"labelNoise\": 0");
            return null;
        }
        return new SplitSpec(validation, test, stratify, folds, labelNoise);
    }

    private ModelSpec model(JsonSection s) {
        if (s == null) {
            return null;
        }
        String architecture = s.optString("architecture", ModelSpec.LAYER_STACK);
        var params = s.scalars("params");
        List<ComponentRef> layers = s.objects("layers").stream().map(this::component).toList();
        s.rejectUnknownKeys();
        if (ModelSpec.LAYER_STACK.equals(architecture) && layers.isEmpty() && !s.has("layers")) {
            s.add("layers", "is missing; a layer-stack model needs \"layers\": [ {\"type\": \"dense\", ...}, "
                    + "{\"type\": \"output\"} ]");
            return null;
        }
        if (architecture == null || layers.contains(null)) {
            return null;
        }
        return new ModelSpec(architecture, params, layers);
    }

    private TrainingSpec training(JsonSection s) {
        if (s == null) {
            return null;
        }
        String loss = s.requireString("loss");
        ComponentRef optimizer = component(s.object("optimizer", true));
        Integer epochs = s.intInRange("epochs", null, 1, MAX_EPOCHS);
        Integer batchSize = s.intInRange("batchSize", 32, 0, Integer.MAX_VALUE);
        Regularisation regularisation = regularisation(s.object("regularisation", false));
        EarlyStopping earlyStopping = earlyStopping(s.object("earlyStopping", false));
        TrainingEngine engine = engine(s);
        s.rejectUnknownKeys();
        if (loss == null || optimizer == null || epochs == null || batchSize == null || regularisation == null
                || (s.has("earlyStopping") && earlyStopping == null) || engine == null) {
            return null;
        }
        return new TrainingSpec(loss, optimizer, epochs, batchSize, regularisation, earlyStopping, engine);
    }

    /** {@code training.engine}: auto (default), dl4j or fused; null (with a problem) for anything else. */
    private static TrainingEngine engine(JsonSection s) {
        String id = s.optString("engine", TrainingEngine.AUTO.id());
        if (id == null) {
            return null;
        }
        TrainingEngine engine = TrainingEngine.byId(id).orElse(null);
        if (engine == null) {
            s.add("engine", "unknown engine '" + id + "'" + Suggestions.didYouMean(id, TrainingEngine.ids())
                    + "; allowed: " + String.join(", ", TrainingEngine.ids())
                    + " (auto: the fused dense path where the layer stack allows it, else DL4J)");
        }
        return engine;
    }

    private Regularisation regularisation(JsonSection s) {
        if (s == null) {
            return Regularisation.NONE;
        }
        Double l1 = s.doubleInRange("l1", 0, 0, 10);
        Double l2 = s.doubleInRange("l2", 0, 0, 10);
        Double dropout = s.doubleInRange("dropout", 0, 0, 0.95);
        Double noise = s.doubleInRange("inputNoise", 0, 0, 100);
        s.rejectUnknownKeys();
        return l1 == null || l2 == null || dropout == null || noise == null ? null
                : new Regularisation(l1, l2, dropout, noise);
    }

    private EarlyStopping earlyStopping(JsonSection s) {
        if (s == null) {
            return null;
        }
        Integer patience = s.intInRange("patience", 10, 1, MAX_EPOCHS);
        Double minDelta = s.doubleInRange("minDelta", 0, 0, Double.MAX_VALUE);
        Boolean restoreBest = s.optBoolean("restoreBest", true);
        s.rejectUnknownKeys();
        return patience == null || minDelta == null || restoreBest == null ? null
                : new EarlyStopping(patience, minDelta, restoreBest);
    }
}
