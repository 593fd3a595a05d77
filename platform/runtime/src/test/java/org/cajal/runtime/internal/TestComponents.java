package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.cajal.api.model.Shape;
import org.cajal.api.train.OptimizerProvider;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Tiny stand-ins for the component bundles, enough to validate, summarise and train a pipeline in-process:
 * datasets {@code blobs} (two separable classes, two features) and {@code rows} (a CSV file x,y with a regression
 * target), layers {@code dense} (tanh or relu, with a bias initialisation) and {@code output}, optimizer {@code sgd}, preprocessing {@code target-affine}
 * (y' = (y - 3) * 0.5, an affine target transform like target-standardise).
 */
final class TestComponents {

    private TestComponents() {
    }

    /** How often each dataset was opened (the summary cache test counts). */
    static final AtomicInteger OPENED = new AtomicInteger();

    static InstalledComponents installed() {
        InstalledComponents c = new InstalledComponents();
        c.datasets = List.of(new Blobs(), new Rows());
        c.layerTypes = List.of(new Dense(), new Output());
        c.optimizers = List.of(new Sgd01());
        c.preprocessors = List.of(new TargetAffine());
        return c;
    }

    static final class Blobs implements DatasetProvider {
        private static final ComponentDescriptor D = new ComponentDescriptor("blobs", "Blobs", "Test", "",
                List.of(ParameterSpec.integer("samples", 40).range(2, 10_000)));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public Dataset open(Parameters parameters, long seed) {
            OPENED.incrementAndGet();
            int n = parameters.getInt("samples");
            Random r = new Random(seed);
            float[][] x = new float[n][2];
            float[][] y = new float[n][1];
            for (int i = 0; i < n; i++) {
                int c = i % 2;
                x[i][0] = (float) (c * 2 - 1 + 0.3 * r.nextGaussian());
                x[i][1] = (float) (c * 2 - 1 + 0.3 * r.nextGaussian());
                y[i][0] = c;
            }
            return new Memory(DataSchema.classification(List.of("x1", "x2"), "class", List.of("left", "right")),
                    x, y, "blobs " + n);
        }
    }

    static final class Rows implements DatasetProvider {
        private static final ComponentDescriptor D = new ComponentDescriptor("rows", "Rows", "Test", "",
                List.of(ParameterSpec.file("file")));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public Dataset open(Parameters parameters, long seed) throws DatasetException {
            OPENED.incrementAndGet();
            Path file = parameters.getPath("file");
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new DatasetException(file + " cannot be read; check the path");
            }
            List<float[]> x = new ArrayList<>();
            List<float[]> y = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split(",");
                x.add(new float[] {Float.parseFloat(c[0])});
                y.add(new float[] {Float.parseFloat(c[1])});
            }
            return new Memory(DataSchema.regression(List.of("x"), List.of("y")), x.toArray(float[][]::new),
                    y.toArray(float[][]::new), file.toString());
        }
    }

    record Memory(DataSchema schema, float[][] x, float[][] y, String identity) implements Dataset {
        @Override
        public int size() {
            return x.length;
        }

        @Override
        public Examples read(int[] indices) {
            float[][] f = new float[indices.length][];
            float[][] t = new float[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                f[i] = x[indices[i]];
                t[i] = y[indices[i]];
            }
            return new Examples(Nd4j.create(f).castTo(DataType.FLOAT), Nd4j.create(t).castTo(DataType.FLOAT));
        }
    }

    static final class Dense implements LayerType {
        private static final ComponentDescriptor D = new ComponentDescriptor("dense", "Dense", "Test", "",
                List.of(ParameterSpec.integer("units", 4).range(1, 1000), ParameterSpec.string("activation", "tanh"),
                        ParameterSpec.number("bias", 0.0)));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public LayerBuild build(Parameters p, LayerContext context) throws LayerException {
            if (context.input().rank() != 1) {
                throw new LayerException("layer " + context.index() + " (dense) needs a flat input but "
                        + context.previous() + " gives " + context.input());
            }
            long in = context.input().dim(0);
            int units = p.getInt("units");
            Activation activation = p.getString("activation").equals("relu") ? Activation.RELU : Activation.TANH;
            return new LayerBuild(new DenseLayer.Builder().nIn(in).nOut(units).activation(activation)
                    .biasInit(p.getDouble("bias")).build(), Shape.of(units), in * units + units);
        }
    }

    static final class Output implements LayerType {
        private static final ComponentDescriptor D = new ComponentDescriptor("output", "Output", "Test", "",
                List.of(ParameterSpec.integer("units", 1).range(1, 1000)));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public LayerBuild build(Parameters p, LayerContext context) throws LayerException {
            long in = context.input().dim(0);
            boolean classes = context.schema().targetKind().isClassification();
            int units = classes ? context.schema().classCount() : p.getInt("units");
            if (!classes && units != context.schema().targetWidth()) {
                throw new LayerException("layer " + context.index() + " (output) has " + units
                        + " units but the data has " + context.schema().targetWidth() + " targets");
            }
            OutputLayer layer = new OutputLayer.Builder(classes ? LossFunctions.LossFunction.MCXENT
                    : LossFunctions.LossFunction.MSE).nIn(in).nOut(units)
                    .activation(classes ? Activation.SOFTMAX : Activation.IDENTITY).build();
            return new LayerBuild(layer, Shape.of(units), in * units + units);
        }
    }

    static final class Sgd01 implements OptimizerProvider {
        private static final ComponentDescriptor D = new ComponentDescriptor("sgd", "SGD", "Test", "",
                List.of(ParameterSpec.number("learningRate", 0.1)));

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public IUpdater updater(Parameters parameters) {
            return new Sgd(parameters.getDouble("learningRate"));
        }
    }

    static final class TargetAffine implements Preprocessor {
        private static final ComponentDescriptor D = new ComponentDescriptor("target-affine", "Target affine",
                "Test", "", List.of());

        @Override
        public ComponentDescriptor descriptor() {
            return D;
        }

        @Override
        public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters) {
            return new AffineTargets();
        }
    }

    /** y' = (y - 3) * 0.5. */
    static final class AffineTargets implements FittedTransform {
        private static final long serialVersionUID = 1L;

        @Override
        public DataSchema outputSchema(DataSchema input) {
            return input;
        }

        @Override
        public Examples apply(Examples examples) {
            INDArray t = examples.targets();
            if (t == null) {
                throw new IllegalArgumentException("target-affine needs targets");
            }
            return new Examples(examples.features(), t.sub(3).muli(0.5));
        }
    }
}
