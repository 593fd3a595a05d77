package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.run.RunFiles;
import org.cajal.api.trained.TrainedRun;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.cajal.runtime.internal.pipeline.Catalog;
import org.cajal.runtime.internal.pipeline.DataCache;
import org.cajal.runtime.internal.pipeline.ParameterCheck;
import org.cajal.runtime.internal.pipeline.PipelineReader;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.Split;
import org.cajal.runtime.internal.pipeline.TargetScale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A finished layer-stack run opened for explanation and export: its model ({@link SavedModel}), its dataset reopened
 * from pipeline.json with the run's seed and base folder (both from provenance.json), and its split recomputed with
 * that seed. The recomputed evaluated rows must equal split.json's, or the run is refused: the data changed since.
 */
public final class FolderTrainedRun implements TrainedRun {

    private final Path folder;
    private final Pipeline pipeline;
    private final SavedModel model;
    private final Dataset dataset;
    private final Split split;
    private final String evaluated;
    private final DataSchema encoded;

    private FolderTrainedRun(Path folder, Pipeline pipeline, SavedModel model, Dataset dataset, Split split,
                             String evaluated) {
        this.folder = folder;
        this.pipeline = pipeline;
        this.model = model;
        this.dataset = dataset;
        this.split = split;
        this.evaluated = evaluated;
        DataSchema s = model.schema();
        for (FittedTransform t : model.transforms()) {
            s = t.outputSchema(s);
        }
        this.encoded = s;
    }

    /** Opens a run folder; see {@link org.cajal.api.trained.TrainedRuns#open}. */
    public static FolderTrainedRun open(Path runFolder, Catalog catalog) throws IOException {
        Path folder = runFolder.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(runFolder + " (not a run folder; give the folder that cajal run wrote)");
        }
        Map<String, Object> provenance = RunFolders.provenance(folder).values();
        Pipeline pipeline;
        try {
            pipeline = new PipelineReader().read(folder.resolve(RunFiles.PIPELINE)).pipeline();
        } catch (PipelineException e) {
            throw new IOException(folder.resolve(RunFiles.PIPELINE) + " cannot be read: " + e.getMessage(), e);
        }
        long seed = provenance.get("seed") instanceof Number n ? n.longValue() : pipeline.seed();
        pipeline = pipeline.withSeed(seed);
        if (!pipeline.model().isLayerStack()) {
            throw new IOException(folder + " trained the architecture '" + pipeline.model().architecture()
                    + "'; explain and export work on layer-stack runs, whose model Cajal saves as a network it can "
                    + "load itself");
        }
        SavedModel model = loadModel(folder);
        if (!model.schema().targetKind().isClassification()
                && model.schema().targetKind() != org.cajal.api.data.TargetKind.REGRESSION) {
            throw new IOException(folder + " has no target to predict; explain and export need a supervised run");
        }
        Dataset dataset = openDataset(folder, pipeline, provenance, catalog);
        try {
            List<Split> splits = Split.of(dataset, pipeline.split(), seed);
            JsonNode written = splitFile(folder);
            String name = written.path("split").asText(TEST);
            // a k-fold run keeps the model of its best fold, whose validation rows split.json lists as "fold K"
            Split split = name.matches("fold \\d+") ? fold(splits, Integer.parseInt(name.substring(5)), folder)
                    : splits.get(0);
            String evaluated = TEST.equals(name) ? TEST : VALIDATION;
            checkSplit(folder, written, evaluated.equals(TEST) ? split.test() : split.validation());
            return new FolderTrainedRun(folder, pipeline, model, dataset, split, evaluated);
        } catch (DatasetException | IOException | RuntimeException e) {
            dataset.close();
            throw e instanceof IOException io ? io : new IOException("the run's dataset cannot be split again: "
                    + DataCache.describe(e), e);
        }
    }

    private static SavedModel loadModel(Path folder) throws IOException {
        try {
            return SavedModel.load(folder);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IOException(folder.resolve(RunFiles.MODEL) + " cannot be loaded: " + DataCache.describe(e), e);
        }
    }

    private static JsonNode splitFile(Path folder) throws IOException {
        Path file = folder.resolve(RunFiles.SPLIT);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + " (the evaluated rows; run the pipeline again with this Cajal)");
        }
        return Json.readTree(file);
    }

    private static Split fold(List<Split> splits, int k, Path folder) throws IOException {
        if (k < 1 || k > splits.size()) {
            throw new IOException(folder.resolve(RunFiles.SPLIT) + " names fold " + k + ", but the pipeline has "
                    + splits.size() + " folds");
        }
        return splits.get(k - 1);
    }

    /** The recomputed rows of the evaluated part must be split.json's, or the data has changed since the run. */
    private static void checkSplit(Path folder, JsonNode json, int[] again) throws IOException {
        JsonNode indices = json.get("indices");
        int[] written = new int[indices == null ? 0 : indices.size()];
        for (int i = 0; i < written.length; i++) {
            written[i] = indices.get(i).asInt();
        }
        if (!Arrays.equals(written, again)) {
            throw new IOException("the split recomputed from " + folder.resolve(RunFiles.PIPELINE) + " does not "
                    + "give the rows of " + folder.resolve(RunFiles.SPLIT) + " (" + written.length + " rows written, "
                    + again.length + " recomputed): the dataset has changed since the run, so its rows cannot be "
                    + "matched");
        }
    }

    /** The run's dataset as it was opened for training: same parameters, base folder and seed. */
    private static Dataset openDataset(Path folder, Pipeline pipeline, Map<String, Object> provenance,
                                       Catalog catalog) throws IOException {
        ComponentRef ref = pipeline.dataset();
        List<Problem> problems = new ArrayList<>();
        DatasetProvider provider = catalog.datasets().find(ref.type(), "$.dataset.type", problems);
        Path base = provenance.get("baseDirectory") instanceof String s ? Path.of(s) : folder;
        Parameters params = provider == null ? null
                : ParameterCheck.resolve(provider.descriptor(), ref.params(), "$.dataset.params", base, problems);
        if (params == null) {
            throw new IOException("the dataset of " + folder + " cannot be opened: " + problems.stream()
                    .map(Problem::toString).reduce((a, b) -> a + "; " + b).orElse("unknown problem"));
        }
        try {
            return provider.open(params, pipeline.seed());
        } catch (DatasetException e) {
            throw new IOException("the dataset of " + folder + " cannot be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public Path folder() {
        return folder;
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public DataSchema schema() {
        return model.schema();
    }

    @Override
    public String evaluated() {
        return evaluated;
    }

    @Override
    public int[] rows(String part) {
        return switch (part) {
            case TRAIN -> split.train().clone();
            case VALIDATION -> split.validation().clone();
            case TEST -> split.test().clone();
            default -> throw new IllegalArgumentException("no part '" + part + "' in a run's split; the parts are "
                    + TRAIN + ", " + VALIDATION + " and " + TEST);
        };
    }

    @Override
    public Examples read(int[] indices) throws DatasetException {
        return dataset.read(indices);
    }

    @Override
    public double[][] predict(double[][] rawRows) {
        INDArray raw = features(rawRows);
        INDArray out = model.network().output(preprocessed(raw), false);
        TargetScale scale = model.schema().targetKind().isClassification()
                ? TargetScale.identity(model.schema().targetWidth())
                : TargetScale.of(model.transforms(), raw, model.schema().targetWidth());
        return PredictionsFile.outputs(model.schema(), out, scale);
    }

    @Override
    public double[][] encode(double[][] rawRows) {
        INDArray in = preprocessed(features(rawRows));
        return in.castTo(DataType.DOUBLE).reshape(in.size(0), -1).toDoubleMatrix();
    }

    @Override
    public List<String> encodedNames() {
        return encoded.featureNames();
    }

    @Override
    public TargetUnits targetUnits() {
        int width = model.schema().targetWidth();
        if (model.schema().targetKind().isClassification()) {
            TargetScale one = TargetScale.identity(width);
            return new TargetUnits(one.scale(), one.offset());
        }
        try {
            INDArray first = features(new double[][] {read(new int[] {split.train()[0]}).features()
                    .castTo(DataType.DOUBLE).reshape(1, -1).toDoubleVector()});
            TargetScale scale = TargetScale.of(model.transforms(), first, width);
            return new TargetUnits(scale.scale(), scale.offset());
        } catch (DatasetException e) {
            throw new IllegalStateException("the run's dataset cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<MultiLayerNetwork> network() {
        return Optional.of(model.network());
    }

    @Override
    public void close() {
        dataset.close();
    }

    /** Raw rows as the dataset's feature array {@code [n, ...featureShape]}. */
    private INDArray features(double[][] rawRows) {
        return RawFeatures.of(model.schema(), rawRows);
    }

    /** Raw features with the fitted preprocessing applied (with placeholder targets, which a target step needs). */
    private INDArray preprocessed(INDArray features) {
        if (model.transforms().isEmpty()) {
            return features;
        }
        INDArray targets = Nd4j.zeros(DataType.FLOAT, features.size(0), model.schema().targetWidth());
        return Preprocessing.apply(model.transforms(), new Examples(features, targets)).features();
    }
}
