package org.cajal.runtime.internal.fused;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Whether a DL4J layer stack can train on the fused path, and if so its description ({@link Stage}s): dense,
 * output and dropout layers; identity, relu, leaky-relu, sigmoid, tanh and softmax activations; mse, mae, binary
 * and categorical cross-entropy; dropout and Gaussian input noise; L1, L2 and weight decay; one updater for every
 * parameter; float data; vector input, or images flattened in front of the first layer.
 */
public final class FusedSupport {

    private FusedSupport() {
    }

    /** Why a stack cannot train on the fused path: names the layer (or setting) and what it uses. */
    public static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String message) {
            super(message);
        }
    }

    /** What an activation is, for the fused loops. */
    public enum Act { IDENTITY, RELU, LEAKY_RELU, SIGMOID, TANH, SOFTMAX }

    /** The training loss of the output layer. */
    public enum Loss { MSE, MAE, XENT, MCXENT }

    /**
     * One DL4J layer: what happens to its input in training ({@code keep}: dropout's retain probability, 1 for
     * none; {@code noise}: Gaussian noise's standard deviation, 0 for none), then, unless it is a dropout layer, a
     * dense transform with its activation.
     */
    public record Stage(int index, boolean dense, int nIn, int nOut, Act act, double alpha, double keep, double noise,
                 List<Regularization> weightPenalties, List<Regularization> biasPenalties) {
    }

    /** The whole stack: stages, the output layer's loss and clipping, and the one updater. */
    public record Plan(List<Stage> stages, Loss loss, double clipEps, IUpdater updater, int inputWidth) {
    }

    /**
     * The plan for a configuration.
     *
     * @param names how to call each layer in a message ({@code "layer 2 (lstm)"}), by index
     * @throws Unsupported naming the first layer or setting the fused path cannot train
     */
    public static Plan plan(MultiLayerConfiguration conf, List<String> names) throws Unsupported {
        if (conf.getDataType() != DataType.FLOAT) {
            throw new Unsupported("the network's data type is " + conf.getDataType() + ", not FLOAT");
        }
        int n = conf.getConfs().size();
        List<Stage> stages = new ArrayList<>();
        IUpdater updater = null;
        int width = -1;
        Loss loss = null;
        double clip = 0;
        for (int i = 0; i < n; i++) {
            Layer layer = conf.getConf(i).getLayer();
            String name = i < names.size() ? names.get(i) : "layer " + (i + 1);
            InputPreProcessor pre = conf.getInputPreProcess(i);
            if (pre != null && !(i == 0 && pre instanceof CnnToFeedForwardPreProcessor)) {
                throw new Unsupported(name + " needs its input reshaped (" + pre.getClass().getSimpleName()
                        + "); the fused path takes vectors, or images flattened in front of the first layer");
            }
            double[] drop = dropout(layer.getIDropout(), i, name);
            if (layer.getClass() == DropoutLayer.class) {
                if (width < 0) {
                    throw new Unsupported(name + " is a dropout layer in front of every dense layer; the fused path "
                            + "needs a dense layer first (use training.regularisation.inputNoise or a dense layer)");
                }
                stages.add(new Stage(i, false, width, width, Act.IDENTITY, 0, drop[0], drop[1], List.of(), List.of()));
                continue;
            }
            boolean output = layer.getClass() == OutputLayer.class;
            BaseLayer base = denseLayer(layer, name, i == n - 1);
            updater = updater(updater, base, name);
            long nIn = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer).getNIn();
            long nOut = ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer).getNOut();
            if (width >= 0 && nIn != width) {
                throw new Unsupported(name + " expects " + nIn + " inputs where " + width + " arrive");
            }
            if (nIn * nOut > Integer.MAX_VALUE / 4) {
                throw new Unsupported(name + " has " + nIn * nOut + " weights, too many for one Java array");
            }
            IActivation fn = base.getActivationFn();
            Act act = activation(fn, name);
            List<Regularization> wp = penalties(base.getRegularizationByParam("W"), name);
            List<Regularization> bp = penalties(base.getRegularizationByParam("b"), name);
            stages.add(new Stage(i, true, (int) nIn, (int) nOut, act,
                    fn instanceof ActivationLReLU l ? l.getAlpha() : 0, drop[0], drop[1], wp, bp));
            width = (int) nOut;
            if (output) {
                ILossFunction lf = ((OutputLayer) layer).getLossFn();
                loss = loss(lf, act, name);
                clip = lf instanceof LossBinaryXENT x ? x.getClipEps()
                        : lf instanceof LossMCXENT m ? m.getSoftmaxClipEps() : 0;
            }
        }
        if (loss == null) {
            throw new Unsupported("the stack has no output layer");
        }
        int inputWidth = stages.get(0).nIn();
        return new Plan(List.copyOf(stages), loss, clip, updater, inputWidth);
    }

    /** A dense or output layer the fused path can train, as far as the layer alone says. */
    private static BaseLayer denseLayer(Layer layer, String name, boolean last) throws Unsupported {
        boolean output = layer.getClass() == OutputLayer.class;
        if (!(layer.getClass() == DenseLayer.class || output)) {
            throw new Unsupported(name + " is a " + layer.getClass().getSimpleName()
                    + "; the fused path trains only dense, output and dropout layers");
        }
        if (output != last) {
            throw new Unsupported(name + (output ? " is an output layer before the end of the stack"
                    : " is the last layer but not an output layer"));
        }
        if (layer instanceof DenseLayer d && (d.hasLayerNorm() || !d.hasBias())) {
            throw new Unsupported(name + (d.hasLayerNorm() ? " uses layer normalisation" : " has no bias"));
        }
        BaseLayer base = (BaseLayer) layer;
        if (base.getGradientNormalization() != null
                && base.getGradientNormalization() != GradientNormalization.None) {
            throw new Unsupported(name + " uses gradient normalisation " + base.getGradientNormalization());
        }
        return base;
    }

    /** The one updater of every parameter: the first layer's, which this layer's weights and biases must share. */
    private static IUpdater updater(IUpdater first, BaseLayer base, String name) throws Unsupported {
        IUpdater w = base.getUpdaterByParam("W");
        IUpdater b = base.getUpdaterByParam("b");
        IUpdater updater = first == null ? w : first;
        if (!updater.equals(w) || !updater.equals(b)) {
            throw new Unsupported(name + " has an updater of its own; the fused path needs one optimizer for "
                    + "every parameter");
        }
        return updater;
    }

    private static double[] dropout(IDropout d, int index, String name) throws Unsupported {
        if (d == null) {
            return new double[] {1, 0};
        }
        if (d.getClass() == Dropout.class) {
            Dropout dropout = (Dropout) d;
            if (dropout.getPSchedule() != null) {
                throw new Unsupported(name + " uses a dropout schedule");
            }
            return new double[] {dropout.getP(), 0};
        }
        if (d.getClass() == GaussianNoise.class) {
            GaussianNoise g = (GaussianNoise) d;
            if (g.getStddevSchedule() != null) {
                throw new Unsupported(name + " uses a noise schedule");
            }
            return new double[] {1, g.getStddev()};
        }
        throw new Unsupported(name + " uses " + d.getClass().getSimpleName()
                + "; the fused path supports dropout and Gaussian input noise");
    }

    private static Act activation(IActivation fn, String name) throws Unsupported {
        if (fn instanceof ActivationIdentity) {
            return Act.IDENTITY;
        }
        if (fn instanceof ActivationReLU r && r.equals(new ActivationReLU())) {
            return Act.RELU;
        }
        if (fn instanceof ActivationLReLU) {
            return Act.LEAKY_RELU;
        }
        if (fn instanceof ActivationSigmoid) {
            return Act.SIGMOID;
        }
        if (fn instanceof ActivationTanH) {
            return Act.TANH;
        }
        if (fn instanceof ActivationSoftmax) {
            return Act.SOFTMAX;
        }
        throw new Unsupported(name + " uses the activation " + fn
                + "; the fused path supports identity, relu, leaky-relu, sigmoid, tanh and softmax");
    }

    private static Loss loss(ILossFunction lf, Act act, String name) throws Unsupported {
        Loss loss;
        if (lf.getClass() == LossMSE.class && ((LossMSE) lf).getWeights() == null) {
            loss = Loss.MSE;
        } else if (lf.getClass() == LossMAE.class && ((LossMAE) lf).getWeights() == null) {
            loss = Loss.MAE;
        } else if (lf.getClass() == LossBinaryXENT.class && ((LossBinaryXENT) lf).getWeights() == null) {
            loss = Loss.XENT;
        } else if (lf.getClass() == LossMCXENT.class && ((LossMCXENT) lf).getWeights() == null) {
            loss = Loss.MCXENT;
        } else {
            throw new Unsupported(name + " uses the loss " + lf.name()
                    + "; the fused path supports mse, mae, binary and categorical cross-entropy");
        }
        if (loss == Loss.XENT && act == Act.SOFTMAX) {
            throw new Unsupported(name + " combines softmax with binary cross-entropy");
        }
        return loss;
    }

    private static List<Regularization> penalties(List<Regularization> all, String name) throws Unsupported {
        if (all == null || all.isEmpty()) {
            return List.of();
        }
        for (Regularization r : all) {
            if (!(r.getClass() == L1Regularization.class || r.getClass() == L2Regularization.class
                    || r.getClass() == WeightDecay.class)) {
                throw new Unsupported(name + " uses the penalty " + r.getClass().getSimpleName()
                        + "; the fused path supports L1, L2 and weight decay");
            }
        }
        return List.copyOf(all);
    }
}
