package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.GenerativeModel;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.train.TrainingEvent;
import org.cajal.api.visual.RunRecord;
import org.cajal.runfolder.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generative architectures (ArchitectureProvider.usesTargets() == false) through the real runtime: a target-less
 * dataset and a labelled one whose labels are ignored, the model's own metric and epoch values in metrics.csv, its
 * evaluation, k-fold, early stopping on its metric, and the problems a target-less dataset gives a layer stack.
 *
 * <p>The model is the simplest honest generative model: a Gaussian with unit variance whose mean is fitted by
 * gradient descent on the negative log-likelihood; its metric is the distance between its mean and the held-out
 * data's mean.
 */
class GenerativeRunTest {

    private static final ObjectMapper JSON = Json.PRETTY;

    private final TestRuntime runtime;
    private final List<TrainingEvent> events = new ArrayList<>();

    GenerativeRunTest() {
        InstalledComponents c = TestComponents.installed();
        List<DatasetProvider> datasets = new ArrayList<>(c.datasets);
        datasets.add(new Cloud());
        c.datasets = datasets;
        c.architectures = List.of(new MeanGaussian(), new Supervised());
        runtime = new TestRuntime(c);
    }

    private static String pipeline(String dataset, String model, String top) {
        return pipeline(dataset, model, "", top);
    }

    /** @param training more members of "training"; @param top more top-level members (each starting with a comma) */
    private static String pipeline(String dataset, String model, String training, String top) {
        return """
                {
                  "schema": 1, "name": "generative", "seed": 5,
                  "dataset": %s,
                  "model": %s,
                  "training": { "loss": "mse", "optimizer": { "type": "sgd" }, "epochs": 4, "batchSize": 10 %s }
                  %s
                }
                """.formatted(dataset, model, training, top);
    }

    private static final String CLOUD = "{ \"type\": \"cloud\" }";
    private static final String GAUSSIAN = "{ \"architecture\": \"mean-gaussian\" }";

    private RunResult run(String json, Path dir) throws Exception {
        PipelineDocument doc = runtime.format.parse(json, "test.json", dir);
        return runtime.executor.start(doc, new RunOptions(dir.resolve("runs"), OptionalLong.empty()), events::add)
                .result().get();
    }

    @Test
    void targetLessDataTrainsAGenerativeModelThatScoresItself(@TempDir Path dir) throws Exception {
        RunResult result = run(pipeline(CLOUD, GAUSSIAN, ""), dir);
        Path folder = result.folder();

        List<String> metrics = Files.readAllLines(folder.resolve(RunFiles.METRICS));
        assertEquals("epoch,train_loss,validation_loss,validation_mean_distance,step", metrics.get(0));
        assertEquals(5, metrics.size());
        double first = Double.parseDouble(metrics.get(1).split(",")[3]);
        double last = Double.parseDouble(metrics.get(4).split(",")[3]);
        assertTrue(last < first / 2, "the mean moves to the data's: " + metrics);
        assertEquals("4", metrics.get(4).split(",")[4].replaceAll("\\.0+$", "").replaceAll("\\.$", ""));

        Map<?, ?> evaluation = JSON.readValue(folder.resolve(RunFiles.EVALUATION).toFile(), Map.class);
        assertEquals("test", evaluation.get("split"));
        assertEquals(20, evaluation.get("examples"));
        assertTrue(((Number) evaluation.get("mean_distance")).doubleValue() < first, evaluation.toString());
        assertFalse(Files.exists(folder.resolve(RunFiles.PREDICTIONS)), "no predictions of a target");
        assertTrue(Files.isRegularFile(folder.resolve(RunFiles.MODEL)));
        assertEquals("none", JSON.readTree(folder.resolve(RunFiles.SCHEMA).toFile()).get("targetKind").asText());

        TrainingEvent.EpochCompleted epoch = events.stream().filter(TrainingEvent.EpochCompleted.class::isInstance)
                .map(TrainingEvent.EpochCompleted.class::cast).findFirst().orElseThrow();
        assertEquals("mean_distance", epoch.metricName());

        RunRecord record = runtime.reader.record(folder);
        assertEquals(List.of("epoch", "train_loss", "validation_loss", "validation_mean_distance", "step"),
                record.metricColumns());
        assertEquals(4, record.column("step").orElseThrow().length);
        assertTrue(record.runData().isEmpty(), "no RunData without predictions");
    }

    @Test
    void aLabelledDatasetsTargetsAreIgnored(@TempDir Path dir) throws Exception {
        RunResult result = run(pipeline("{ \"type\": \"blobs\", \"params\": { \"samples\": 60 } }", GAUSSIAN, ""),
                dir);
        // the loss is mse, which would not fit the blobs' binary target: a generative architecture checks it itself
        JsonSchema schema = new JsonSchema(JSON.readTree(result.folder().resolve(RunFiles.SCHEMA).toFile()).toString());
        assertTrue(schema.text.contains("\"targetKind\":\"none\""), schema.text);
        assertTrue(schema.text.contains("\"classLabels\":[]"), schema.text);
        assertTrue(result.evaluation().values().containsKey("mean_distance"));
    }

    private record JsonSchema(String text) {
    }

    @Test
    void preprocessingOfAModelInItsOwnFormatIsKeptBesideIt(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i * 0.1).append(',').append(i).append('\n');
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        RunResult result = run(pipeline("{ \"type\": \"rows\", \"params\": { \"file\": \"rows.csv\" } }",
                GAUSSIAN, ", \"preprocessing\": [ { \"type\": \"target-affine\" } ]"), dir);
        Path folder = result.folder();
        assertTrue(Files.readString(folder.resolve(RunFiles.MODEL)).startsWith("zip-free model"),
                "the model file is the architecture's own, untouched");
        try (var zip = new java.util.zip.ZipFile(folder.resolve(RunFiles.PREPROCESSING).toFile())) {
            assertTrue(zip.getEntry("objects/cajal-preprocessing").getSize() > 0);
        }
    }

    @Test
    void kFoldAveragesTheModelsOwnColumnsAndKeepsItsFiles(@TempDir Path dir) throws Exception {
        RunResult result = run(pipeline(CLOUD, GAUSSIAN,
                ", \"split\": { \"validation\": 0.0, \"test\": 0.0, \"folds\": 3 }"), dir);
        Path folder = result.folder();
        assertEquals("k-fold", result.evaluation().values().get("split"));
        assertTrue(((Map<?, ?>) result.evaluation().values().get("sd")).containsKey("mean_distance"));
        List<String> metrics = Files.readAllLines(folder.resolve(RunFiles.METRICS));
        assertEquals("epoch,train_loss,validation_loss,validation_mean_distance,step", metrics.get(0));
        int best = ((Number) result.evaluation().values().get("bestFold")).intValue();
        assertEquals(Files.readString(folder.resolve(RunFiles.foldFolder(best)).resolve(MeanModel.SIDE_FILE)),
                Files.readString(folder.resolve(MeanModel.SIDE_FILE)),
                "a file the model writes beside its model file comes with the best fold's model");
    }

    @Test
    void earlyStoppingWatchesTheModelsMetric(@TempDir Path dir) throws Exception {
        // the mean distance stops improving by 10 within a couple of epochs; the validation loss would not stop it
        RunResult result = run(pipeline(CLOUD, GAUSSIAN,
                ", \"earlyStopping\": { \"patience\": 1, \"minDelta\": 10.0 }", ""), dir);
        TrainingEvent.StoppedEarly stopped = events.stream().filter(TrainingEvent.StoppedEarly.class::isInstance)
                .map(TrainingEvent.StoppedEarly.class::cast).findFirst().orElseThrow();
        assertEquals(2, stopped.epoch());
        String[] firstEpoch = Files.readAllLines(result.folder().resolve(RunFiles.METRICS)).get(1).split(",");
        assertEquals(1, stopped.bestEpoch(), "the metric was best after epoch 1");
        assertEquals(Double.parseDouble(firstEpoch[2]), stopped.bestValidationLoss(), 1e-6,
                "reports the validation loss of the best epoch");
    }

    @Test
    void aMetricNameThatClashesWithTheTablesOwnColumnsFailsClearly(@TempDir Path dir) throws Exception {
        runtime.installed.architectures = List.of(new MeanGaussian() {
            @Override
            public TrainableModel build(Parameters parameters, ModelContext context) {
                return new MeanModel(2, 0.05) {
                    @Override
                    public String metricName() {
                        return "loss";
                    }
                };
            }
        });
        PipelineDocument doc = runtime.format.parse(pipeline(CLOUD, GAUSSIAN, ""), "test.json", dir);
        var handle = runtime.executor.start(doc, new RunOptions(dir.resolve("runs"), OptionalLong.empty()), events::add);
        assertThrows(Exception.class, () -> handle.result().get());
        TrainingEvent.Failed failed = events.stream().filter(TrainingEvent.Failed.class::isInstance)
                .map(TrainingEvent.Failed.class::cast).findFirst().orElseThrow();
        assertTrue(failed.message().contains("clash with metrics.csv's own columns"), failed.message());
    }

    @Test
    void aLayerStackOnTargetLessDataIsAProblemThatNamesTheWayOut(@TempDir Path dir) throws Exception {
        String problems = runtime.check.validate(runtime.format.parse(
                pipeline(CLOUD, "{ \"layers\": [ { \"type\": \"dense\" }, { \"type\": \"output\" } ] }", ""),
                "test.json", dir)).toString();
        assertTrue(problems.contains("$.model.layers"), problems);
        assertTrue(problems.contains("dataset 'cloud' has no target"), problems);
        assertTrue(problems.contains("such as mean-gaussian"), problems);
        assertFalse(problems.contains("$.training.loss"), "one problem, not a loss complaint too: " + problems);

        String supervised = runtime.check.validate(runtime.format.parse(
                pipeline(CLOUD, "{ \"architecture\": \"supervised\" }", ""), "test.json", dir)).toString();
        assertTrue(supervised.contains("$.model.architecture"), supervised);
        assertTrue(supervised.contains("architecture 'supervised'"), supervised);
        assertTrue(runtime.check.validate(runtime.format.parse(pipeline(CLOUD, GAUSSIAN, ""), "test.json", dir)).isEmpty());
    }

    @Test
    void aGenerativeArchitectureWhoseModelCannotScoreItselfFailsClearly(@TempDir Path dir) throws Exception {
        runtime.installed.architectures = List.of(new MeanGaussian() {
            @Override
            public TrainableModel build(Parameters parameters, ModelContext context) {
                return new Supervised().build(parameters, context);
            }
        });
        PipelineDocument doc = runtime.format.parse(pipeline(CLOUD, GAUSSIAN, ""), "test.json", dir);
        var handle = runtime.executor.start(doc, new RunOptions(dir.resolve("runs"), OptionalLong.empty()), events::add);
        assertThrows(Exception.class, () -> handle.result().get());
        TrainingEvent.Failed failed = events.stream().filter(TrainingEvent.Failed.class::isInstance)
                .map(TrainingEvent.Failed.class::cast).findFirst().orElseThrow();
        assertTrue(failed.message().contains("does not implement GenerativeModel"), failed.message());
    }

    /** 100 two-dimensional points around (3, -2), no target. */
    static final class Cloud implements DatasetProvider {
        @Override
        public ComponentDescriptor descriptor() {
            return new ComponentDescriptor("cloud", "Cloud", "Test", "", List.of());
        }

        @Override
        public Dataset open(Parameters parameters, long seed) {
            Random r = new Random(seed);
            float[][] x = new float[100][];
            for (int i = 0; i < x.length; i++) {
                x[i] = new float[] {(float) (3 + 0.1 * r.nextGaussian()), (float) (-2 + 0.1 * r.nextGaussian())};
            }
            DataSchema schema = new DataSchema(List.of("a", "b"), List.of(2L), TargetKind.NONE, List.of(), List.of());
            return new Dataset() {
                @Override
                public DataSchema schema() {
                    return schema;
                }

                @Override
                public int size() {
                    return x.length;
                }

                @Override
                public Examples read(int[] indices) {
                    float[][] f = new float[indices.length][];
                    for (int i = 0; i < indices.length; i++) {
                        f[i] = x[indices[i]];
                    }
                    return new Examples(Nd4j.create(f).castTo(DataType.FLOAT), null);
                }

                @Override
                public String identity() {
                    return "cloud " + seed;
                }
            };
        }
    }

    static class MeanGaussian implements ArchitectureProvider {
        @Override
        public ComponentDescriptor descriptor() {
            return new ComponentDescriptor("mean-gaussian", "Mean Gaussian", "Test", "",
                    List.of(ParameterSpec.number("rate", 0.05).range(0.01, 1)));
        }

        @Override
        public boolean usesTargets() {
            return false;
        }

        @Override
        public TrainableModel build(Parameters parameters, ModelContext context) throws LayerException {
            if (context.schema().targetKind() != TargetKind.NONE) {
                throw new LayerException("expected a target-less schema, got " + context.schema());
            }
            return new MeanModel(context.schema().featureCount(), parameters.getDouble("rate"));
        }
    }

    /** N(mu, I), mu fitted by gradient descent on the mean negative log-likelihood (up to a constant). */
    static class MeanModel implements GenerativeModel {
        static final String SIDE_FILE = "mean.txt";
        private final INDArray mu;
        private final double rate;
        private int steps;

        MeanModel(long width, double rate) {
            this.mu = Nd4j.zeros(DataType.FLOAT, 1, width);
            this.rate = rate;
        }

        @Override
        public long parameterCount() {
            return mu.length();
        }

        @Override
        public double fit(DataSet batch) {
            if (batch.getLabels() != null) {
                throw new IllegalStateException("a generative model's batches carry no labels");
            }
            double loss = loss(batch);
            // d/dmu of 0.5 * mean |x - mu|^2 is mu - mean(x)
            mu.subi(mu.sub(batch.getFeatures().mean(true, 0)).muli(rate));
            return loss;
        }

        @Override
        public void endEpoch() {
            steps++;
        }

        @Override
        public double loss(DataSet examples) {
            INDArray d = examples.getFeatures().subRowVector(mu);
            return d.mul(d).sumNumber().doubleValue() / (2.0 * examples.numExamples());
        }

        @Override
        public INDArray predict(INDArray features) {
            INDArray d = features.subRowVector(mu);
            return org.nd4j.linalg.ops.transforms.Transforms.exp(d.mul(d).sum(true, 1).muli(-0.5), false);
        }

        @Override
        public void save(Path file) throws IOException {
            Files.writeString(file, "zip-free model: " + mu);
            Files.writeString(file.resolveSibling(SIDE_FILE), mu.toString());
        }

        @Override
        public String metricName() {
            return "mean_distance";
        }

        @Override
        public boolean higherIsBetter() {
            return false;
        }

        @Override
        public double metric(INDArray features) {
            return features.mean(true, 0).sub(mu).norm2Number().doubleValue();
        }

        @Override
        public Map<String, Object> evaluate(INDArray features) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mean_distance", metric(features));
            return m;
        }

        @Override
        public Map<String, Double> epochValues() {
            return Map.of("step", (double) steps);
        }
    }

    /** An ordinary (target-using) architecture, to see it refused on target-less data. */
    static final class Supervised implements ArchitectureProvider {
        @Override
        public ComponentDescriptor descriptor() {
            return new ComponentDescriptor("supervised", "Supervised", "Test", "", List.of());
        }

        @Override
        public TrainableModel build(Parameters parameters, ModelContext context) {
            MeanModel m = new MeanModel(context.schema().featureCount(), 0.5);
            return new TrainableModel() {
                @Override
                public long parameterCount() {
                    return m.parameterCount();
                }

                @Override
                public double fit(DataSet batch) {
                    return m.fit(batch);
                }

                @Override
                public double loss(DataSet examples) {
                    return m.loss(examples);
                }

                @Override
                public INDArray predict(INDArray features) {
                    return m.predict(features);
                }

                @Override
                public void save(Path file) throws IOException {
                    m.save(file);
                }
            };
        }
    }
}
