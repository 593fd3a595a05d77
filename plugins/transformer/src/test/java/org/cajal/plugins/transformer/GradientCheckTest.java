package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * SameDiff's gradients of the loss against central finite differences, for one weight of every kind of parameter
 * (float precision, so a loose tolerance: this catches a wrong or missing gradient path, not rounding).
 */
class GradientCheckTest {

    @Test
    void analyticGradientsMatchFiniteDifferences() {
        TransformerModel model = new TransformerModel(new TransformerModel.Config(8, 5, 3, 8, 2, 2, 12, 0.0),
                List.of(), new Sgd(0.1), 3);
        INDArray ids = Nd4j.createFromArray(new float[][] {{2, 3, 4, 0, 0}, {5, 6, 7, 1, 2}, {7, 0, 0, 0, 0}});
        INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        Map<String, INDArray> in = model.inputs(ids, labels);
        SameDiff sd = model.sameDiff();
        Map<String, long[]> probes = Map.of(
                "embedding", new long[] {3, 1},
                "position", new long[] {1, 2},
                "block0_wq", new long[] {0, 1},
                "block0_wv", new long[] {2, 3},
                "block1_wk", new long[] {4, 0},
                "block0_norm1_gain", new long[] {5},
                "block1_ff1", new long[] {1, 7},
                "classifier", new long[] {2, 1},
                "classifier_bias", new long[] {0});
        Map<String, INDArray> gradients = sd.calculateGradients(in, probes.keySet());
        double eps = 1e-2;
        for (Map.Entry<String, long[]> p : probes.entrySet()) {
            INDArray w = sd.getVariable(p.getKey()).getArr();
            double original = w.getDouble(p.getValue());
            w.putScalar(p.getValue(), original + eps);
            double plus = sd.output(in, "loss").get("loss").getDouble(0);
            w.putScalar(p.getValue(), original - eps);
            double minus = sd.output(in, "loss").get("loss").getDouble(0);
            w.putScalar(p.getValue(), original);
            double numeric = (plus - minus) / (2 * eps);
            double analytic = gradients.get(p.getKey()).getDouble(p.getValue());
            double scale = Math.max(1e-3, Math.max(Math.abs(numeric), Math.abs(analytic)));
            assertEquals(numeric, analytic, 0.05 * scale + 2e-4, p.getKey() + " gradient");
        }
        // the padding token's position of example 0 gets no gradient through the embedding of id 0
        assertTrue(gradients.get("embedding").getRow(0).amaxNumber().doubleValue() < 1e-6,
                "padding embedding must not be trained");
    }
}
