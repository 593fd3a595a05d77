package org.cajal.explain.pytorch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.trained.TrainedRun;
import org.cajal.explain.onnx.ExportException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
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

/** The trained layer stack as the script's layer list and weights.npz. */
final class StackLayers {

    private static final String SUPPORTED = "the PyTorch export covers dense, output, dropout and batch-norm layers "
            + "with the activations identity, relu, leaky-relu, sigmoid, tanh and softmax";

    private StackLayers() {
    }

    static List<Map<String, Object>> describe(TrainedRun run, MultiLayerNetwork network) throws ExportException {
        List<ComponentRef> refs = run.pipeline().model().layers();
        List<Map<String, Object>> out = new ArrayList<>();
        Layer[] layers = network.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            String name = i + " (" + (refs.size() == layers.length ? refs.get(i).type()
                    : conf.getClass().getSimpleName()) + ")";
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("index", i);
            if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                var ff = (org.deeplearning4j.nn.conf.layers.FeedForwardLayer) conf;
                String activation = activation(((BaseLayer) conf).getActivationFn(), name);
                l.put("type", "dense");
                l.put("in", ff.getNIn());
                l.put("out", ff.getNOut());
                l.put("activation", activation);
                l.put("output", conf instanceof OutputLayer);
                Object init = refs.size() == layers.length ? refs.get(i).params().get("weightInit") : null;
                l.put("weightInit", init == null || "auto".equals(init)
                        ? (activation.contains("relu") ? "he" : "xavier") : init.toString());
            } else if (conf instanceof DropoutLayer d) {
                l.put("type", "dropout");
                l.put("rate", d.getIDropout() instanceof Dropout dr ? 1 - dr.getP() : 0.0);
            } else if (conf instanceof BatchNormalization bn) {
                l.put("type", "batch-norm");
                l.put("features", bn.getNOut());
                l.put("eps", bn.getEps());
                l.put("decay", bn.getDecay());
            } else {
                throw new ExportException("layer " + name + " cannot be written as PyTorch; " + SUPPORTED);
            }
            out.add(l);
        }
        return out;
    }

    private static String activation(IActivation fn, String name) throws ExportException {
        if (fn == null || fn instanceof ActivationIdentity) {
            return "identity";
        }
        if (fn instanceof ActivationReLU r && r.getMax() == null
                && (r.getThreshold() == null || r.getThreshold() == 0)
                && (r.getNegativeSlope() == null || r.getNegativeSlope() == 0)) {
            return "relu";
        }
        if (fn instanceof ActivationLReLU l && l.getAlpha() == 0.01) {
            return "leaky-relu";
        }
        if (fn instanceof ActivationSigmoid) {
            return "sigmoid";
        }
        if (fn instanceof ActivationTanH) {
            return "tanh";
        }
        if (fn instanceof ActivationSoftmax) {
            return "softmax";
        }
        throw new ExportException("layer " + name + " uses the activation " + fn + "; " + SUPPORTED);
    }

    /** weights.npz: {@code <layer>.W} ([in, out]), {@code .b}, and batch norm's gamma, beta, mean and var. */
    static void writeWeights(MultiLayerNetwork network, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            Layer[] layers = network.getLayers();
            for (int i = 0; i < layers.length; i++) {
                var conf = layers[i].conf().getLayer();
                if (conf instanceof BatchNormalization bn) {
                    long n = layers[i].getParam("mean").length();
                    entry(zip, i + ".mean", layers[i].getParam("mean"));
                    entry(zip, i + ".var", bn.isUseLogStd() ? Transforms.exp(layers[i].getParam("log10stdev")
                            .castTo(DataType.DOUBLE).mul(2 * Math.log(10)), false) : layers[i].getParam("var"));
                    entry(zip, i + ".gamma", bn.isLockGammaBeta() ? Nd4j.valueArrayOf(n, bn.getGamma())
                            : layers[i].getParam("gamma"));
                    entry(zip, i + ".beta", bn.isLockGammaBeta() ? Nd4j.valueArrayOf(n, bn.getBeta())
                            : layers[i].getParam("beta"));
                } else if (layers[i].getParam("W") != null) {
                    entry(zip, i + ".W", layers[i].getParam("W"));
                    entry(zip, i + ".b", layers[i].getParam("b"));
                }
            }
        }
    }

    private static void entry(ZipOutputStream zip, String name, INDArray values) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        zip.write(Nd4j.toNpyByteArray(values.castTo(DataType.FLOAT).dup('c')));
        zip.closeEntry();
    }

    /** The learning rate an optimizer uses when the pipeline names none (its parameter spec's default). */
    static double defaultLearningRate(String optimizer) {
        return switch (optimizer) {
            case "sgd", "gd" -> 0.1;
            case "adam", "adamw", "rmsprop" -> 0.001;
            default -> 0.01;
        };
    }
}
