package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.run.RunFiles;
import org.cajal.api.visual.RunData;
import org.cajal.runfolder.Json;
import org.cajal.runtime.internal.pipeline.Catalog;
import org.cajal.runtime.internal.pipeline.DataCache;
import org.cajal.runtime.internal.pipeline.ParameterCheck;
import org.cajal.runtime.internal.pipeline.PipelineReader;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.TargetScale;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A finished run's predictions, inputs and trained model, read from its folder for visualisers.
 *
 * <ul>
 * <li>{@link #predictions()}: predictions.csv, read the first time it is asked for (listing runs reads none);</li>
 * <li>{@link #inputs}: the dataset reopened from pipeline.json (with the run's seed and the folder its relative
 * paths resolved against, both from provenance.json), read at split.json's indices — the examples of
 * predictions.csv, in its order;</li>
 * <li>{@link #predict}, {@link #weights}, {@link #activations}: the layer-stack network of model.zip with the
 * fitted preprocessing saved inside it ({@link SavedModel}), loaded on first use and kept.</li>
 * </ul>
 * Thread-safe: the model is used under this object's lock (a DL4J network is not safe for concurrent use).
 */
final class FolderRunData implements RunData {

    private final Path folder;
    private final DataSchema schema;
    private final List<String> classNames;
    private final Path predictionsFile;
    private Predictions predictions;
    private volatile Boolean layerStack;
    private final Map<String, Object> provenance;
    private final Supplier<Catalog> catalog;
    private SavedModel model;
    private String modelProblem;

    FolderRunData(Path folder, DataSchema schema, List<String> classNames, Path predictionsFile,
                  Map<String, Object> provenance, Supplier<Catalog> catalog) {
        this.folder = folder;
        this.schema = schema;
        this.classNames = List.copyOf(classNames);
        this.predictionsFile = predictionsFile;
        this.provenance = provenance;
        this.catalog = catalog;
    }

    @Override
    public TargetKind targetKind() {
        return schema.targetKind();
    }

    /** The raw features' names; for images and sequences the flattened positions, e.g. {@code [0, 3, 4]}. */
    @Override
    public List<String> featureNames() {
        if (!schema.featureNames().isEmpty()) {
            return schema.featureNames();
        }
        List<String> names = new ArrayList<>();
        long[] shape = schema.featureShape().stream().mapToLong(Long::longValue).toArray();
        long count = schema.featureCount();
        for (long i = 0; i < count; i++) {
            long[] at = new long[shape.length];
            long rest = i;
            for (int d = shape.length - 1; d >= 0; d--) {
                at[d] = rest % shape[d];
                rest /= shape[d];
            }
            names.add(Arrays.toString(at));
        }
        return names;
    }

    @Override
    public List<String> classNames() {
        return schema.targetKind().isClassification() ? classNames : List.of();
    }

    @Override
    public boolean tabular() {
        return schema.featureShape().size() == 1;
    }

    @Override
    public Predictions predictions() {
        Predictions p = loadedPredictions();
        return new Predictions(p.actual().clone(),
                Arrays.stream(p.outputs()).map(double[]::clone).toArray(double[][]::new));
    }

    private synchronized Predictions loadedPredictions() {
        if (predictions == null) {
            try {
                predictions = PredictionsFile.read(predictionsFile);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(predictionsFile + " cannot be read: " + DataCache.describe(e), e);
            }
        }
        return predictions;
    }

    @Override
    public Inputs inputs(int max) {
        int[] indices = evaluatedIndices();
        int[] first = Arrays.copyOf(indices, Math.max(0, Math.min(max, indices.length)));
        if (first.length == 0) {
            return new Inputs(new double[0][], new double[0]);
        }
        try (Dataset dataset = openDataset()) {
            Examples e = dataset.read(first);
            double[][] rows = flatten(e.features());
            double[] targets = e.targets() == null ? new double[rows.length]
                    : e.targets().castTo(DataType.DOUBLE).reshape(rows.length, -1).getColumn(0).toDoubleVector();
            return new Inputs(rows, targets);
        } catch (DatasetException e) {
            throw new IllegalStateException("the run's dataset cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized double[][] predict(double[][] rawRows) {
        SavedModel m = model();
        INDArray features = preprocessed(m, rawRows);
        INDArray out = m.network().output(features, false);
        TargetScale scale = schema.targetKind().isClassification() ? TargetScale.identity(schema.targetWidth())
                : TargetScale.of(m.transforms(), features(rawRows), schema.targetWidth());
        return PredictionsFile.outputs(schema, out, scale);
    }

    /** Per layer, named {@code "0: dense"} after the pipeline's layer types, its parameters (weights and biases). */
    @Override
    public synchronized List<Values> weights() {
        SavedModel m = model();
        List<String> names = layerNames(m);
        List<Values> out = new ArrayList<>();
        Layer[] layers = m.network().getLayers();
        for (int i = 0; i < layers.length; i++) {
            INDArray p = layers[i].numParams() == 0 ? null : layers[i].params();
            out.add(new Values(names.get(i), p == null ? new float[0] : p.castTo(DataType.FLOAT).toFloatVector()));
        }
        return out;
    }

    @Override
    public synchronized List<Values> activations(double[][] rawRows) {
        SavedModel m = model();
        List<String> names = layerNames(m);
        List<INDArray> forward = m.network().feedForward(preprocessed(m, rawRows), false);
        List<Values> out = new ArrayList<>();
        // feedForward's first entry is the input itself
        for (int i = 1; i < forward.size(); i++) {
            out.add(new Values(names.get(i - 1), forward.get(i).castTo(DataType.FLOAT).reshape(-1).toFloatVector()));
        }
        return out;
    }

    private SavedModel model() {
        if (model == null && modelProblem == null) {
            try {
                model = SavedModel.load(folder);
            } catch (IOException | RuntimeException e) {
                modelProblem = "the run's model (" + folder.resolve(RunFiles.MODEL) + ") cannot be loaded as a "
                        + "layer stack: " + DataCache.describe(e);
            }
        }
        if (model == null) {
            throw new IllegalStateException(modelProblem);
        }
        return model;
    }

    /** Raw rows as the dataset's feature array {@code [n, ...featureShape]}. */
    private INDArray features(double[][] rawRows) {
        return RawFeatures.of(schema, rawRows);
    }

    /** Raw rows with the fitted preprocessing applied (with placeholder targets, which a target step needs). */
    private INDArray preprocessed(SavedModel m, double[][] rawRows) {
        INDArray features = features(rawRows);
        if (m.transforms().isEmpty()) {
            return features;
        }
        INDArray targets = Nd4j.zeros(DataType.FLOAT, rawRows.length, schema.targetWidth());
        return Preprocessing.apply(m.transforms(), new Examples(features, targets)).features();
    }

    private static double[][] flatten(INDArray features) {
        return features.castTo(DataType.DOUBLE).reshape(features.size(0), -1).toDoubleMatrix();
    }

    private List<String> layerNames(SavedModel m) {
        int n = m.network().getLayers().length;
        List<String> types = new ArrayList<>();
        Pipeline pipeline = pipelineOrNull();
        for (int i = 0; i < n; i++) {
            if (pipeline != null && i < pipeline.model().layers().size()) {
                types.add(i + ": " + pipeline.model().layers().get(i).type());
            } else {
                types.add(i + ": " + m.network().getLayer(i).conf().getLayer().getClass().getSimpleName());
            }
        }
        return types;
    }

    /** Only layer stacks are saved in the format the runtime reads back (DL4J's MultiLayerNetwork). */
    @Override
    public boolean modelAvailable() {
        Boolean known = layerStack;
        if (known == null) {
            Pipeline p = pipelineOrNull();
            known = p != null && p.model().isLayerStack();
            layerStack = known; // asked by every visualiser's accepts(): read pipeline.json once
        }
        return known;
    }

    private Pipeline pipelineOrNull() {
        try {
            return pipeline();
        } catch (PipelineException e) {
            return null;
        }
    }

    private Pipeline pipeline() throws PipelineException {
        return new PipelineReader().read(folder.resolve(RunFiles.PIPELINE)).pipeline();
    }

    private int[] evaluatedIndices() {
        Path file = folder.resolve(RunFiles.SPLIT);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(folder + " has no " + RunFiles.SPLIT + " (the evaluated examples); "
                    + "run the pipeline again with this version of Cajal");
        }
        try {
            JsonNode indices = Json.readTree(file).get("indices");
            if (indices == null || !indices.isArray()) {
                throw new IllegalStateException(file + " has no \"indices\" array");
            }
            int[] out = new int[indices.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = indices.get(i).asInt();
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The run's dataset as it was opened for training: same parameters, base folder and seed. */
    private Dataset openDataset() {
        Pipeline pipeline;
        try {
            pipeline = pipeline();
        } catch (PipelineException e) {
            throw new IllegalStateException("the run's pipeline cannot be read: " + e.getMessage(), e);
        }
        ComponentRef ref = pipeline.dataset();
        List<Problem> problems = new ArrayList<>();
        DatasetProvider provider = catalog.get().datasets().find(ref.type(), "$.dataset.type", problems);
        Path base = provenance.get("baseDirectory") instanceof String s ? Path.of(s) : folder;
        Parameters params = provider == null ? null
                : ParameterCheck.resolve(provider.descriptor(), ref.params(), "$.dataset.params", base, problems);
        if (params == null) {
            throw new IllegalStateException("the run's dataset cannot be opened: " + problems.stream()
                    .map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse("unknown problem"));
        }
        long seed = provenance.get("seed") instanceof Number n ? n.longValue() : pipeline.seed();
        try {
            return provider.open(params, seed);
        } catch (DatasetException e) {
            throw new IllegalStateException("the run's dataset cannot be opened: " + e.getMessage(), e);
        }
    }
}
