package org.cajal.explain.pytorch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.trained.TrainedRun;
import org.cajal.explain.export.PreprocessingMap;
import org.cajal.explain.onnx.ExportException;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A trained run as one readable PyTorch script (cajal_model.py, from the template beside this class) with its data
 * (data.csv), split (split.json), Cajal's fitted preprocessing (preprocessing.json, written by the caller) and
 * trained weights (weights.npz). The pipeline goes into the script as one JSON value (CONFIG).
 */
public final class PyTorchExport {

    public static final String SCRIPT = "cajal_model.py";

    private PyTorchExport() {
    }

    /** Refuses a network the script cannot build, naming the layer. */
    public static void check(TrainedRun run, MultiLayerNetwork network) throws ExportException {
        if (run.schema().featureShape().size() != 1 || run.schema().featureNames().isEmpty()) {
            throw new ExportException("the PyTorch export covers tabular runs (named feature columns); this run's "
                    + "inputs have shape " + run.schema().featureShape() + " (ONNX export takes images)");
        }
        StackLayers.describe(run, network);
    }

    /** Writes the script and its files (not preprocessing.json) into {@code dir}; returns them. */
    public static List<Path> write(TrainedRun run, MultiLayerNetwork network, PreprocessingMap map, Path dir)
            throws ExportException, IOException, DatasetException {
        List<Map<String, Object>> layers = StackLayers.describe(run, network);
        List<Path> files = new ArrayList<>();
        Path script = dir.resolve(SCRIPT);
        AtomicFiles.write(script, script(run, layers));
        files.add(script);
        Path weights = dir.resolve("weights.npz");
        AtomicFiles.write(weights, target -> {
            try (var out = java.nio.file.Files.newOutputStream(target)) {
                StackLayers.writeWeights(network, out);
            }
        });
        files.add(weights);
        files.add(RunData.writeData(run, dir.resolve("data.csv")));
        Path split = dir.resolve("split.json");
        Json.write(split, Map.of(TrainedRun.TRAIN, run.rows(TrainedRun.TRAIN), TrainedRun.VALIDATION,
                run.rows(TrainedRun.VALIDATION), TrainedRun.TEST, run.rows(TrainedRun.TEST)));
        files.add(split);
        return files;
    }

    static String script(TrainedRun run, List<Map<String, Object>> layers) throws IOException {
        String template;
        try (InputStream in = PyTorchExport.class.getResourceAsStream(SCRIPT)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String config = Json.PRETTY.writeValueAsString(config(run, layers));
        return template.replace("@NAME@", run.pipeline().name()).replace("@CONFIG@", config);
    }

    static Map<String, Object> config(TrainedRun run, List<Map<String, Object>> layers) {
        Pipeline p = run.pipeline();
        DataSchema schema = run.schema();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("pipeline", p.name());
        c.put("seed", p.seed());
        c.put("task", schema.targetKind().isClassification() ? "classification" : "regression");
        c.put("targets", schema.targetNames());
        c.put("classes", schema.classLabels());
        List<Map<String, Object>> features = new ArrayList<>();
        for (String name : schema.featureNames()) {
            features.add(Map.of("name", name, "categories", schema.featureCategories().getOrDefault(name, List.of())));
        }
        c.put("features", features);
        List<Map<String, Object>> steps = new ArrayList<>();
        p.preprocessing().forEach(s -> steps.add(Map.of("type", s.type(), "params", s.params())));
        c.put("preprocessing", steps);
        c.put("layers", layers);
        c.put("loss", p.training().loss());
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("type", p.training().optimizer().type());
        optimizer.put("params", p.training().optimizer().params());
        optimizer.put("defaultLearningRate", StackLayers.defaultLearningRate(p.training().optimizer().type()));
        c.put("optimizer", optimizer);
        c.put("epochs", p.training().epochs());
        c.put("batchSize", p.training().batchSize());
        var reg = p.training().regularisation();
        c.put("regularisation", Map.of("l1", reg.l1(), "l2", reg.l2(), "dropout", reg.dropout(),
                "inputNoise", reg.inputNoise()));
        c.put("earlyStopping", p.training().earlyStop().map(e -> (Object) Map.of("patience", e.patience(),
                "minDelta", e.minDelta(), "restoreBest", e.restoreBest())).orElse(null));
        return c;
    }
}
