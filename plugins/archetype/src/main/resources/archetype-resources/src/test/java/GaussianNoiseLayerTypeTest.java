package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.Shape;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.junit.jupiter.api.Test;

/** The layer type on its own, as the runtime and the workbench call it: no framework needed. */
class GaussianNoiseLayerTypeTest {

    private final GaussianNoiseLayerType type = new GaussianNoiseLayerType();
    private final DataSchema schema = DataSchema.classification(List.of("x", "y"), "label", List.of("a", "b"));

    @Test
    void keepsTheShapeLearnsNothingAndAddsNoiseOfTheGivenSpread() throws LayerException {
        for (Shape input : List.of(Shape.of(8), Shape.of(4, 20), Shape.of(3, 28, 28))) {
            LayerBuild build = type.build(parameters(Map.of("stddev", 0.25)),
                    new LayerContext(1, input, "layer 0 (dense)", false, "categorical-cross-entropy", schema));
            assertEquals(input, build.output());
            assertEquals(0, build.parameterCount());
            DropoutLayer layer = assertInstanceOf(DropoutLayer.class, build.layer());
            assertEquals(0.25, assertInstanceOf(GaussianNoise.class, layer.getIDropout()).getStddev(), 1e-12);
        }
    }

    @Test
    void theDefaultSpreadIsSmall() throws LayerException {
        LayerBuild build = type.build(Parameters.defaults(type.descriptor()),
                new LayerContext(0, Shape.of(2), "the dataset", false, "categorical-cross-entropy", schema));
        assertEquals(0.1, ((GaussianNoise) ((DropoutLayer) build.layer()).getIDropout()).getStddev(), 1e-12);
    }

    @Test
    void asTheLastLayerItSaysWhatToAdd() {
        LayerException e = assertThrows(LayerException.class, () -> type.build(
                Parameters.defaults(type.descriptor()),
                new LayerContext(2, Shape.of(8), "layer 1 (dense)", true, "mse", schema)));
        assertEquals("layer 2 (gaussian-noise) cannot be the last layer: it produces no prediction for the mse "
                + "loss; add an output layer after it", e.getMessage());
    }

    @Test
    void aNegativeSpreadIsRejectedWithTheAllowedRange() {
        String problem = type.descriptor().parameter("stddev").orElseThrow().problem(-0.5).orElseThrow();
        assertTrue(problem.contains("0 .. 10"), problem);
    }

    private Parameters parameters(Map<String, ?> values) {
        return Parameters.resolve(type.descriptor(), values, Path.of("."));
    }
}
