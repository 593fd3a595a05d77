package org.cajal.runtime.internal.train;

import java.io.IOException;
import java.io.Serializable;

import org.cajal.runtime.internal.fused.FusedNetwork;
import org.deeplearning4j.nn.api.Updater;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A layer stack's training state at a checkpoint: the parameters, the optimizer's state and the iteration and epoch
 * counters (which schedules read), and on the fused path the position of its random stream (dropout masks, input
 * noise). DL4J's arrays are kept in ND4J's own binary form, so they come back bit for bit in their data type.
 *
 * @param fused    the fused path's {params, updater state} as floats, or null on DL4J's path
 * @param counters the fused path's {@link FusedNetwork#counters}, or DL4J's {iteration, epoch}
 * @param network  DL4J's {params, updater state view (or null)} as ND4J bytes, or null on the fused path
 */
record StackState(float[][] fused, long[] counters, byte[][] network) implements Serializable {

    private static final long serialVersionUID = 1L;

    static StackState of(LayerStackModel model) throws IOException {
        FusedNetwork f = model.fused();
        if (f != null) {
            return new StackState(new float[][] {f.params().clone(), f.updaterState().clone()}, f.counters(), null);
        }
        MultiLayerNetwork net = model.network();
        Updater updater = net.getUpdater();
        INDArray view = updater == null ? null : updater.getStateViewArray();
        return new StackState(null, new long[] {net.getIterationCount(), net.getEpochCount()},
                new byte[][] {Nd4j.toByteArray(net.params()), view == null ? null : Nd4j.toByteArray(view)});
    }

    /** Puts this state into a freshly built model of the same pipeline. */
    void restore(LayerStackModel model) {
        FusedNetwork f = model.fused();
        if (f != null) {
            if (fused == null) {
                throw new IllegalStateException("the checkpoint was taken on DL4J's path, this run is on the fused "
                        + "path");
            }
            System.arraycopy(fused[0], 0, f.params(), 0, fused[0].length);
            f.resume(counters, fused[1]);
            model.changed();
            return;
        }
        if (network == null) {
            throw new IllegalStateException("the checkpoint was taken on the fused path, this run is on DL4J's path");
        }
        MultiLayerNetwork net = model.network();
        net.setParams(Nd4j.fromByteArray(network[0]));
        if (network[1] != null) {
            net.getUpdater().getStateViewArray().assign(Nd4j.fromByteArray(network[1]));
        }
        net.setIterationCount((int) counters[0]);
        net.setEpochCount((int) counters[1]);
    }

    /** An early-stopping snapshot ({@link LayerStackModel#snapshot}) in a form a checkpoint can hold. */
    static Object portable(Object snapshot) throws IOException {
        return snapshot instanceof INDArray a ? Nd4j.toByteArray(a) : snapshot;
    }

    /** The snapshot back from its {@link #portable} form. */
    static Object live(Object saved) {
        return saved instanceof byte[] b ? Nd4j.fromByteArray(b) : saved;
    }
}
