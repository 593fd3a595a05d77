package org.cajal.explain.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import onnx.Onnx;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.protobuf.ByteString;

/**
 * A trained layer stack as an ONNX model (IR version 7, opset 13): input {@value #INPUT} {@code [N, features]} (the
 * features after the run's preprocessing), output {@value #OUTPUT} {@code [N, outputs]} (what the network's last
 * layer gives). Dense and output layers become Gemm, batch normalisation BatchNormalization (its running mean and
 * variance), dropout nothing (it is the identity when predicting), conv2d and 2-D pooling Conv, MaxPool and
 * AveragePool ({@link OnnxConvolution}; the flattening before a dense layer Flatten), and the activations identity,
 * ReLU, leaky ReLU, sigmoid, tanh and softmax their ONNX operators. Any other layer or activation is refused with its
 * index and name.
 */
public final class OnnxNetwork {

    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    static final int OPSET = 13;
    static final int IR_VERSION = 7;

    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
    String current = INPUT;
    private int nodes;

    private OnnxNetwork() {
    }

    /**
     * @param names   a name per layer for messages ({@code 2 (conv2d)}), in layer order
     * @param version Cajal's version, written as the producer's
     */
    public static byte[] write(MultiLayerNetwork network, List<String> names, String version) throws ExportException {
        return write(network, names, List.of(), version);
    }

    /**
     * @param inputShape one example's input shape without the batch dimension: {@code [channels, height, width]} for
     *                   images (NCHW); empty or one value for a feature vector, whose width the first layer gives
     */
    public static byte[] write(MultiLayerNetwork network, List<String> names, List<Long> inputShape, String version)
            throws ExportException {
        OnnxNetwork w = new OnnxNetwork();
        Layer[] layers = network.getLayers();
        if (!(layers[0].conf().getLayer() instanceof FeedForwardLayer first)) {
            throw new ExportException("layer " + names.get(0) + " cannot be written as ONNX; " + SUPPORTED);
        }
        long[] shape = inputShape.size() > 1 ? inputShape.stream().mapToLong(Long::longValue).toArray()
                : new long[] {first.getNIn()};
        long outputs = shape[0];
        for (int i = 0; i < layers.length; i++) {
            InputPreProcessor pre = network.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre instanceof CnnToFeedForwardPreProcessor) {
                w.node("Flatten", List.of(w.current), attribute("axis", 1));
            } else if (pre != null) {
                throw new ExportException("layer " + names.get(i) + " reshapes its input; " + SUPPORTED);
            }
            w.layer(layers[i], names.get(i));
            if (layers[i].conf().getLayer() instanceof FeedForwardLayer f && f.getNOut() > 0) {
                outputs = f.getNOut();
            }
        }
        w.graph.setName("cajal");
        w.graph.addInput(value(INPUT, shape));
        w.graph.addNode(Onnx.NodeProto.newBuilder().setOpType("Identity").addInput(w.current).addOutput(OUTPUT)
                .setName("output"));
        w.graph.addOutput(value(OUTPUT, new long[] {outputs}));
        return Onnx.ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("Cajal")
                .setProducerVersion(version).addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(OPSET))
                .setGraph(w.graph).build().toByteArray();
    }

    static final String SUPPORTED = "ONNX export covers dense, output, dropout, batch-norm, activation, conv2d and "
            + "2-D pooling layers with the activations identity, relu, leaky-relu, sigmoid, tanh and softmax";

    private void layer(Layer layer, String name) throws ExportException {
        var conf = layer.conf().getLayer();
        if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
            dense(layer, name);
            activation(((BaseLayer) conf).getActivationFn(), name);
        } else if (conf instanceof BatchNormalization bn) {
            // DL4J's batch-norm layer predicts without its configured activation (checked in OnnxNetworkTest)
            batchNorm(layer, bn, name);
        } else if (conf instanceof DropoutLayer) {
            return;
        } else if (conf instanceof ActivationLayer a) {
            activation(a.getActivationFn(), name);
        } else if (conf instanceof ConvolutionLayer c && conf.getClass() == ConvolutionLayer.class) {
            OnnxConvolution.convolution(this, layer, c, name);
            activation(c.getActivationFn(), name);
        } else if (conf instanceof SubsamplingLayer p && conf.getClass() == SubsamplingLayer.class) {
            OnnxConvolution.pooling(this, p, name);
        } else {
            throw new ExportException("layer " + name + " cannot be written as ONNX; " + SUPPORTED);
        }
    }

    private void dense(Layer layer, String name) {
        String w = tensor("W" + nodes, layer.getParam("W"));
        INDArray b = layer.getParam("b");
        node("Gemm", b == null ? List.of(current, w)
                : List.of(current, w, tensor("b" + nodes, b.reshape(b.length()))));
    }

    private void batchNorm(Layer layer, BatchNormalization bn, String name) {
        long n = layer.getParam("mean").length();
        INDArray mean = layer.getParam("mean").reshape(n);
        // with useLogStd DL4J keeps log10 of the standard deviation and predicts with var = (10^log10std)^2, then
        // divides by sqrt(var + eps) as ONNX does
        INDArray var = bn.isUseLogStd()
                ? Transforms.exp(layer.getParam("log10stdev").reshape(n).castTo(DataType.DOUBLE).mul(2 * Math.log(10)),
                false)
                : layer.getParam("var").reshape(n);
        INDArray gamma = bn.isLockGammaBeta() ? Nd4j.valueArrayOf(n, bn.getGamma()) : layer.getParam("gamma").reshape(n);
        INDArray beta = bn.isLockGammaBeta() ? Nd4j.valueArrayOf(n, bn.getBeta()) : layer.getParam("beta").reshape(n);
        List<String> inputs = List.of(current, tensor("gamma" + nodes, gamma), tensor("beta" + nodes, beta),
                tensor("mean" + nodes, mean), tensor("var" + nodes, var));
        node("BatchNormalization", inputs, Onnx.AttributeProto.newBuilder().setName("epsilon")
                .setType(Onnx.AttributeProto.AttributeType.FLOAT).setF((float) bn.getEps()).build());
    }

    private void activation(IActivation fn, String name) throws ExportException {
        if (fn == null || fn instanceof ActivationIdentity) {
            return;
        }
        if (fn instanceof ActivationReLU relu) {
            if (relu.getMax() != null || relu.getThreshold() != null && relu.getThreshold() != 0
                    || relu.getNegativeSlope() != null && relu.getNegativeSlope() != 0) {
                throw new ExportException("layer " + name + " uses a clipped or shifted ReLU (" + fn + "); "
                        + SUPPORTED);
            }
            node("Relu", List.of(current));
        } else if (fn instanceof ActivationLReLU l) {
            node("LeakyRelu", List.of(current), Onnx.AttributeProto.newBuilder().setName("alpha")
                    .setType(Onnx.AttributeProto.AttributeType.FLOAT).setF((float) l.getAlpha()).build());
        } else if (fn instanceof ActivationSigmoid) {
            node("Sigmoid", List.of(current));
        } else if (fn instanceof ActivationTanH) {
            node("Tanh", List.of(current));
        } else if (fn instanceof ActivationSoftmax) {
            node("Softmax", List.of(current), Onnx.AttributeProto.newBuilder().setName("axis")
                    .setType(Onnx.AttributeProto.AttributeType.INT).setI(-1).build());
        } else {
            throw new ExportException("layer " + name + " uses the activation " + fn + "; " + SUPPORTED);
        }
    }

    void node(String op, List<String> inputs, Onnx.AttributeProto... attributes) {
        String out = op.toLowerCase() + "_" + nodes++;
        Onnx.NodeProto.Builder n = Onnx.NodeProto.newBuilder().setOpType(op).setName(out).addAllInput(inputs)
                .addOutput(out);
        for (Onnx.AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        current = out;
    }

    /** Adds a float tensor initialiser; returns its name. */
    String tensor(String name, INDArray values) {
        float[] data = Nd4j.toFlattened('c', values.castTo(DataType.FLOAT)).toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            bytes.putFloat(f);
        }
        Onnx.TensorProto.Builder t = Onnx.TensorProto.newBuilder().setName(name)
                .setDataType(Onnx.TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : values.shape()) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** The number of nodes so far (unique names). */
    int nodes() {
        return nodes;
    }

    static Onnx.AttributeProto attribute(String name, long value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static Onnx.AttributeProto attribute(String name, int[] values) {
        Onnx.AttributeProto.Builder a = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (int v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static Onnx.AttributeProto attribute(String name, String value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    private static Onnx.ValueInfoProto value(String name, long[] dims) {
        Onnx.TensorShapeProto.Builder b = Onnx.TensorShapeProto.newBuilder()
                .addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
        for (long d : dims) {
            b.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        Onnx.TensorShapeProto shape = b.build();
        return Onnx.ValueInfoProto.newBuilder().setName(name).setType(Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(Onnx.TensorProto.DataType.FLOAT
                        .getNumber()).setShape(shape))).build();
    }
}
