package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.Json;
import org.cajal.runtime.internal.folder.SchemaFile;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A run folder as training leaves it, written by hand: a classifier of raw features {@code x} (numeric) and
 * {@code colour} (categorical: blue, green, red) whose model.zip holds the fitted preprocessing (optionally an
 * imputer fitted on training rows, then one-hot of colour), schema.json and pipeline.json with a missing-value
 * policy.
 */
final class SavedRunFolder {

    static final DataSchema SCHEMA = new DataSchema(List.of("x", "colour"), List.of(2L),
            org.cajal.api.data.TargetKind.BINARY, List.of("class"), List.of("no", "yes"),
            Map.of("colour", List.of("blue", "green", "red")));

    /** The fill values an imputer fitted on the training rows would hold: x's mean, colour's most frequent. */
    static final double FILL_X = 2.5;
    static final double FILL_COLOUR = 2; // red

    private SavedRunFolder() {
    }

    /**
     * @param missing the pipeline's {@code missing} parameter, or null for none
     * @param impute  whether model.zip holds an imputer
     * @param oneHot  whether colour is one-hot encoded (else the network takes its category index)
     */
    static Path write(Path folder, String missing, boolean impute, boolean oneHot) throws IOException {
        Files.createDirectories(folder);
        List<FittedTransform> transforms = new ArrayList<>();
        if (impute) {
            transforms.add(new Fill(new double[] {FILL_X, FILL_COLOUR}));
        }
        if (oneHot) {
            transforms.add(new OneHotColour());
        }
        int width = oneHot ? 4 : 2;
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7)
                .dataType(DataType.FLOAT).list()
                .layer(new DenseLayer.Builder().nIn(width).nOut(3).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .build());
        network.init();
        Path model = folder.resolve(RunFiles.MODEL);
        ModelSerializer.writeModel(network, model.toFile(), false);
        ModelSerializer.addObjectToFile(model.toFile(), "cajal-preprocessing", new ArrayList<>(transforms));
        Json.write(folder.resolve(RunFiles.SCHEMA), SchemaFile.toMap(SCHEMA));
        Map<String, Object> params = new LinkedHashMap<>(Map.of("file", "data.csv", "target", "class"));
        if (missing != null) {
            params.put("missing", missing);
        }
        Json.write(folder.resolve(RunFiles.PIPELINE), Map.of("schema", 1, "name", "saved",
                "dataset", Map.of("type", "csv", "params", params),
                "model", Map.of("layers", List.of(Map.of("type", "dense"), Map.of("type", "output"))),
                "training", Map.of("loss", "categorical-cross-entropy", "optimizer", Map.of("type", "sgd"),
                        "epochs", 1)));
        return folder;
    }

    /**
     * Fills NaN features, and a colour that is not a category index, with fixed values, as the runtime's training
     * columns fitted on the training rows do.
     */
    static final class Fill implements FittedTransform {
        private static final long serialVersionUID = 1L;
        private final double[] values;

        Fill(double[] values) {
            this.values = values.clone();
        }

        @Override
        public DataSchema outputSchema(DataSchema input) {
            return input;
        }

        @Override
        public Examples apply(Examples examples) {
            INDArray f = examples.features().dup();
            for (int r = 0; r < f.rows(); r++) {
                for (int c = 0; c < values.length; c++) {
                    double v = f.getDouble(r, c);
                    boolean category = c == 1 && v >= 0 && v < 3 && v == Math.rint(v);
                    if (Double.isNaN(v) || c == 1 && !category) {
                        f.putScalar(r, c, values[c]);
                    }
                }
            }
            return new Examples(f, examples.targets());
        }
    }

    /** colour (feature 1) as indicator columns colour=blue, colour=green, colour=red; other codes give zeros. */
    static final class OneHotColour implements FittedTransform {
        private static final long serialVersionUID = 1L;

        @Override
        public DataSchema outputSchema(DataSchema input) {
            return input.withFeatures(List.of("x", "colour=blue", "colour=green", "colour=red"), List.of(4L),
                    Map.of());
        }

        @Override
        public Examples apply(Examples examples) {
            INDArray in = examples.features();
            INDArray out = org.nd4j.linalg.factory.Nd4j.zeros(DataType.FLOAT, in.rows(), 4);
            for (int r = 0; r < in.rows(); r++) {
                out.putScalar(r, 0, in.getDouble(r, 0));
                double code = in.getDouble(r, 1);
                if (code >= 0 && code < 3 && code == Math.rint(code)) {
                    out.putScalar(r, 1 + (int) code, 1);
                }
            }
            return new Examples(out, examples.targets());
        }
    }
}
