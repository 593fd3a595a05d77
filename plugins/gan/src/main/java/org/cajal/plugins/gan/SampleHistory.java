package org.cajal.plugins.gan;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a GAN keeps for {@value GanModel#SAMPLES_FILE}: real examples of the first epoch (each once, up to
 * {@value GanModel#REAL_EXAMPLES}) and the generated samples after every epoch, thinned beyond
 * {@value GanModel#MAX_HISTORY} epochs so that a long run keeps an evenly spaced history in bounded memory.
 */
final class SampleHistory {

    private final List<GanModel.EpochSamples> epochs = new ArrayList<>();
    private final List<float[]> real = new ArrayList<>();

    /** Keeps rows of a real mini-batch while fewer than {@value GanModel#REAL_EXAMPLES} are kept. */
    void keepReal(INDArray x) {
        for (int i = 0; i < x.size(0) && real.size() < GanModel.REAL_EXAMPLES; i++) {
            real.add(x.getRow(i).toFloatVector());
        }
    }

    /** Records an epoch's samples; beyond the limit drops every other epoch but the untrained one and the newest. */
    void add(int epoch, INDArray samples) {
        epochs.add(new GanModel.EpochSamples(epoch, rows(samples)));
        if (epochs.size() > GanModel.MAX_HISTORY) {
            GanModel.EpochSamples newest = epochs.remove(epochs.size() - 1);
            for (int i = epochs.size() - 1; i >= 1; i--) {
                if (i % 2 == 1) {
                    epochs.remove(i);
                }
            }
            epochs.add(newest);
        }
    }

    /** The real examples kept. */
    List<float[]> real() {
        return List.copyOf(real);
    }

    /** The recorded epochs, oldest first. */
    List<GanModel.EpochSamples> epochs() {
        return List.copyOf(epochs);
    }

    private static float[][] rows(INDArray a) {
        float[][] out = new float[(int) a.size(0)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.getRow(i).toFloatVector();
        }
        return out;
    }
}
