package org.cajal.optimizers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.train.OptimizerProvider;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/** Runs an updater the way DL4J does (state view, then applyUpdater per iteration) on gradients given by hand. */
final class Steps {

    private Steps() {
    }

    static Parameters params(OptimizerProvider optimizer, Map<String, ?> raw) {
        return Parameters.resolve(optimizer.descriptor(), raw, Path.of("."));
    }

    /**
     * The updates (what DL4J subtracts from the parameters) for consecutive gradients, iterations 0, 1, ... in
     * {@code epoch}.
     */
    static List<double[]> updates(IUpdater updater, int epoch, double[]... gradients) {
        int n = gradients[0].length;
        long stateSize = updater.stateSize(n);
        INDArray state = stateSize == 0 ? null : Nd4j.zeros(DataType.DOUBLE, 1, stateSize);
        GradientUpdater<?> gu = updater.instantiate(state, true);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < gradients.length; i++) {
            INDArray g = Nd4j.createFromArray(gradients[i]).reshape(1, n);
            gu.applyUpdater(g, i, epoch);
            out.add(g.toDoubleVector());
        }
        return out;
    }

    static List<double[]> updates(IUpdater updater, double[]... gradients) {
        return updates(updater, 0, gradients);
    }

    static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length, "length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 1e-7 + 1e-6 * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }
}
