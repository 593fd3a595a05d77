package org.cajal.bench.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A pipeline's dense layer stack and training settings, read from the pipeline file so that the bench's plain
 * DL4J and PyTorch sides train the network the Cajal side trains: dense layers (units, activation), the output
 * layer's activation ({@code auto}: softmax for categorical cross-entropy, identity for mean squared error), the
 * loss, Adam's settings, epochs and batch size. Weight initialisation as Cajal's layers choose it by default: He
 * ({@code WeightInit.RELU}) for relu and leaky-relu layers, Xavier for the others and the output; zero biases.
 * A setting the sides would not copy — another optimizer, a schedule, regularisation, early stopping, dropout, a
 * weight-init choice — is an error that names it, rather than a silently different network.
 *
 * @param hidden the dense layers before the output layer
 * @param outputActivation softmax or identity
 * @param loss {@code categorical-cross-entropy} or {@code mse}
 */
record SmallNetwork(List<Dense> hidden, String outputActivation, String loss, double learningRate, double beta1,
                    double beta2, double epsilon, int epochs, int batchSize) {

    /** One dense layer. */
    record Dense(int units, String activation) {
    }

    static final String CATEGORICAL = "categorical-cross-entropy";
    static final String MSE = "mse";

    private static final Set<String> ACTIVATIONS = Set.of("relu", "leaky-relu", "tanh", "sigmoid", "identity");
    private static final Set<String> TRAINING_KEYS = Set.of("loss", "optimizer", "epochs", "batchSize", "engine");
    private static final Set<String> ADAM_KEYS = Set.of("learningRate", "beta1", "beta2", "epsilon");

    SmallNetwork {
        hidden = List.copyOf(hidden);
    }

    /**
     * Reads the network from a pipeline document.
     *
     * @throws IllegalArgumentException naming the JSON path of what the bench's sides do not copy
     */
    static SmallNetwork of(JsonNode pipeline) {
        JsonNode layers = pipeline.path("model").path("layers");
        if (!layers.isArray() || layers.size() < 1) {
            throw unsupported("$.model.layers", "a layer stack is needed (no architecture)");
        }
        List<Dense> hidden = new ArrayList<>();
        for (int i = 0; i < layers.size() - 1; i++) {
            hidden.add(dense(layers.get(i), "$.model.layers[" + i + "]"));
        }
        JsonNode training = pipeline.path("training");
        checkKeys(training, TRAINING_KEYS, "$.training");
        String loss = training.path("loss").asText();
        if (!loss.equals(CATEGORICAL) && !loss.equals(MSE)) {
            throw unsupported("$.training.loss", "loss '" + loss + "'; the sides copy " + CATEGORICAL + " and "
                    + MSE);
        }
        String output = output(layers.get(layers.size() - 1), "$.model.layers[" + (layers.size() - 1) + "]", loss);
        JsonNode optimizer = training.path("optimizer");
        if (!optimizer.path("type").asText().equals("adam")) {
            throw unsupported("$.training.optimizer.type", "optimizer '" + optimizer.path("type").asText()
                    + "'; the sides copy adam");
        }
        JsonNode adam = optimizer.path("params");
        checkKeys(adam, ADAM_KEYS, "$.training.optimizer.params");
        return new SmallNetwork(hidden, output, loss, adam.path("learningRate").asDouble(0.001),
                adam.path("beta1").asDouble(0.9), adam.path("beta2").asDouble(0.999),
                adam.path("epsilon").asDouble(1e-8), training.path("epochs").asInt(),
                training.path("batchSize").asInt());
    }

    private static Dense dense(JsonNode layer, String path) {
        if (!layer.path("type").asText().equals("dense")) {
            throw unsupported(path + ".type", "layer type '" + layer.path("type").asText()
                    + "'; the sides copy dense layers and one output layer");
        }
        JsonNode params = layer.path("params");
        checkKeys(params, Set.of("units", "activation"), path + ".params");
        String activation = params.path("activation").asText("relu");
        if (!ACTIVATIONS.contains(activation)) {
            throw unsupported(path + ".params.activation", "activation '" + activation + "'");
        }
        return new Dense(params.path("units").asInt(), activation);
    }

    private static String output(JsonNode layer, String path, String loss) {
        if (!layer.path("type").asText().equals("output")) {
            throw unsupported(path + ".type", "the last layer must be an output layer");
        }
        checkKeys(layer.path("params"), Set.of("activation"), path + ".params");
        String activation = layer.path("params").path("activation").asText("auto");
        String expected = loss.equals(CATEGORICAL) ? "softmax" : "identity";
        if (!activation.equals("auto") && !activation.equals(expected)) {
            throw unsupported(path + ".params.activation", "output activation '" + activation + "' with loss "
                    + loss + "; the sides copy " + expected);
        }
        return expected;
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String path) {
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                throw unsupported(path + "." + key, "'" + key + "'");
            }
        }
    }

    private static IllegalArgumentException unsupported(String path, String what) {
        return new IllegalArgumentException(path + ": " + what + " is not something the bench's DL4J and PyTorch"
                + " sides copy");
    }

    /**
     * A copy of the pipeline with a search trial's values set, as Cajal's search sets them: each key a path in the
     * pipeline file ({@code training.optimizer.params.learningRate}, {@code model.layers[0].params.units}).
     *
     * @throws IllegalArgumentException for a path that does not lead into the document
     */
    static ObjectNode withTrial(ObjectNode pipeline, Map<String, Object> params) {
        ObjectNode copy = pipeline.deepCopy();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            JsonPointer pointer = pointer(e.getKey());
            JsonNode parent = copy.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            if (!(parent instanceof ObjectNode object)) {
                throw new IllegalArgumentException("search parameter '" + e.getKey() + "' does not lead to an"
                        + " object's key in the pipeline");
            }
            object.set(last, toNode(copy, e.getValue()));
        }
        return copy;
    }

    /** {@code model.layers[0].params.units} as the JSON pointer {@code /model/layers/0/params/units}. */
    static JsonPointer pointer(String path) {
        StringBuilder pointer = new StringBuilder();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String name = bracket < 0 ? part : part.substring(0, bracket);
            pointer.append('/').append(name.replace("~", "~0").replace("/", "~1"));
            while (bracket >= 0) {
                int close = part.indexOf(']', bracket);
                if (close < 0) {
                    throw new IllegalArgumentException("search parameter '" + path + "': no ] after [");
                }
                pointer.append('/').append(part, bracket + 1, close);
                bracket = part.indexOf('[', close);
            }
        }
        return JsonPointer.compile(pointer.toString());
    }

    private static JsonNode toNode(ObjectNode factory, Object value) {
        if (value instanceof Integer i) {
            return factory.numberNode(i);
        }
        if (value instanceof Long l) {
            return factory.numberNode(l);
        }
        if (value instanceof Number n) {
            return factory.numberNode(n.doubleValue());
        }
        return factory.textNode(String.valueOf(value));
    }

    /** The same network as a DL4J configuration, written by hand as a DL4J user would. */
    MultiLayerConfiguration dl4j(int inputs, int outputs, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate, beta1, beta2, epsilon))
                .list();
        for (Dense d : hidden) {
            list.layer(new DenseLayer.Builder().nOut(d.units()).activation(activation(d.activation()))
                    .weightInit(weightInit(d.activation())).build());
        }
        list.layer(new OutputLayer.Builder(loss.equals(CATEGORICAL) ? LossFunction.MCXENT : LossFunction.MSE)
                .nOut(outputs).activation(activation(outputActivation)).weightInit(weightInit(outputActivation))
                .build());
        return list.setInputType(InputType.feedForward(inputs)).build();
    }

    /** The output width: one unit per class, or one for a regression target. */
    static int outputs(int classes) {
        return classes > 0 ? classes : 1;
    }

    /**
     * This network as the PyTorch script's run settings ({@code bench/pytorch/small_bench.py}), for a training
     * part of {@code n} examples.
     */
    void describeFor(ObjectNode run, int n) {
        ArrayNode layers = run.putArray("layers");
        for (Dense d : hidden) {
            layers.addObject().put("units", d.units()).put("activation", d.activation());
        }
        run.put("output_activation", outputActivation).put("loss", loss).put("learning_rate", learningRate)
                .put("beta1", beta1).put("beta2", beta2).put("epsilon", epsilon).put("epochs", epochs)
                .put("batch_size", batchSize(n));
    }

    /** Mini-batches per epoch for {@code n} training examples (a batch size of 0 is one full batch). */
    int batchesPerEpoch(int n) {
        int size = batchSize(n);
        return (n + size - 1) / size;
    }

    /** The mini-batch size for {@code n} training examples, as the runtime resolves it (0 = full batch). */
    int batchSize(int n) {
        return batchSize <= 0 ? n : Math.min(batchSize, n);
    }

    /** Cajal's {@code weightInit: auto}: He ({@code WeightInit.RELU}) for relu and leaky-relu, Xavier otherwise. */
    static WeightInit weightInit(String activation) {
        return activation.equals("relu") || activation.equals("leaky-relu") ? WeightInit.RELU : WeightInit.XAVIER;
    }

    private static Activation activation(String id) {
        return switch (id) {
            case "relu" -> Activation.RELU;
            case "leaky-relu" -> Activation.LEAKYRELU;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            case "softmax" -> Activation.SOFTMAX;
            default -> Activation.IDENTITY;
        };
    }
}
