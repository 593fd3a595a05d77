package org.cajal.bench.internal;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * One network, written twice side by side: as the layer list of a Cajal pipeline and as a DL4J configuration.
 * The DL4J side spells out what Cajal's layer bundle chooses by default, so the two are the same network: He
 * initialisation ({@code WeightInit.RELU}) for relu layers and Xavier for the softmax output, convolutions with
 * stride 1 and "valid" padding (28 -&gt; 24 -&gt; pool 12 -&gt; 8 -&gt; pool 4, the cheaper choice on a CPU without
 * oneDNN), max pooling 2x2 with stride 2 and no padding, Adam with beta1 0.9, beta2 0.999, epsilon 1e-8, float
 * parameters.
 */
enum BenchCase {

    /** A multilayer perceptron 784-256-128-10. */
    MLP("mlp", "["
            + layer("dense", "\"units\": 256, \"activation\": \"relu\"") + ", "
            + layer("dense", "\"units\": 128, \"activation\": \"relu\"") + ", "
            + layer("output", "\"activation\": \"softmax\"") + "]") {
        @Override
        void addLayers(NeuralNetConfiguration.ListBuilder list) {
            list.layer(dense(256)).layer(dense(128)).layer(output());
        }

        @Override
        boolean flatInput() {
            return true;
        }
    },

    /** Two 5x5 convolutions (32 and 64 filters) each followed by 2x2 max pooling, then dense 128 and softmax. */
    CNN("cnn", "["
            + layer("conv2d", "\"filters\": 32, \"kernelSize\": 5, \"padding\": \"valid\", \"activation\": \"relu\"")
            + ", " + layer("max-pool-2d", "\"poolSize\": 2") + ", "
            + layer("conv2d", "\"filters\": 64, \"kernelSize\": 5, \"padding\": \"valid\", \"activation\": \"relu\"")
            + ", " + layer("max-pool-2d", "\"poolSize\": 2") + ", "
            + layer("dense", "\"units\": 128, \"activation\": \"relu\"") + ", "
            + layer("output", "\"activation\": \"softmax\"") + "]") {
        @Override
        void addLayers(NeuralNetConfiguration.ListBuilder list) {
            list.layer(conv(32)).layer(maxPool()).layer(conv(64)).layer(maxPool()).layer(dense(128)).layer(output());
        }

        @Override
        boolean flatInput() {
            return false;
        }
    };

    private final String id;
    private final String layersJson;

    BenchCase(String id, String layersJson) {
        this.id = id;
        this.layersJson = layersJson;
    }

    String id() {
        return id;
    }

    /** The pipeline's {@code model.layers} array. */
    String layersJson() {
        return layersJson;
    }

    /** The same network for plain DL4J, taking flat rows for an MLP and images for a CNN (see {@link #flatInput}). */
    MultiLayerConfiguration dl4j(long seed, double learningRate) {
        return dl4j(seed, learningRate, flatInput() ? InputType.feedForward(28 * 28) : InputType.convolutional(28, 28, 1));
    }

    /** The same network for another input type: an MLP given images gets DL4J's flattening pre-processor. */
    MultiLayerConfiguration dl4j(long seed, double learningRate, InputType input) {
        NeuralNetConfiguration.ListBuilder list = builder(seed, learningRate).list();
        addLayers(list);
        return list.setInputType(input).build();
    }

    abstract void addLayers(NeuralNetConfiguration.ListBuilder list);

    /**
     * Whether the plain DL4J side feeds flat rows of 784 pixels ({@code [n, 784]}, as a DL4J user would for an
     * MLP) instead of images {@code [n, 1, 28, 28]}. Cajal always feeds images as its dataset's schema says;
     * DL4J then flattens them in front of the first dense layer.
     */
    abstract boolean flatInput();

    private static String layer(String type, String params) {
        return "{\"type\": \"" + type + "\", \"params\": {" + params + "}}";
    }

    private static NeuralNetConfiguration.Builder builder(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, 0.9, 0.999, 1e-8));
    }

    private static DenseLayer dense(int units) {
        return new DenseLayer.Builder().nOut(units).activation(Activation.RELU).weightInit(WeightInit.RELU).build();
    }

    private static OutputLayer output() {
        return new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER).build();
    }

    private static ConvolutionLayer conv(int filters) {
        return new ConvolutionLayer.Builder(5, 5).nOut(filters).stride(1, 1).dilation(1, 1)
                .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).weightInit(WeightInit.RELU).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .convolutionMode(ConvolutionMode.Truncate).build();
    }
}
