package ${package};

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.model.LayerBuild;
import org.cajal.api.model.LayerContext;
import org.cajal.api.model.LayerException;
import org.cajal.api.model.LayerType;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.nd4j.linalg.activations.Activation;
import org.osgi.service.component.annotations.Component;

/**
 * A layer that adds Gaussian noise to what passes through it while the network trains, and nothing at prediction
 * time: a regulariser that makes the next layers robust to small changes of their input.
 *
 * <p>{@code @Component(service = LayerType.class)} is all the registration there is: when the plugin's bundle
 * starts, Declarative Services registers an instance as a {@link LayerType} service, and pipelines can name it by
 * its id, {@value #ID}, in {@code model.layers}. The workbench lists it in its palette under the category, with a
 * form built from the parameter specs.
 *
 * <p>A layer type is stateless and cheap: {@link #build} runs for every edit in the workbench, on any thread, and
 * must only create DL4J configuration, never ND4J arrays.
 */
@Component(service = LayerType.class)
public final class GaussianNoiseLayerType implements LayerType {

    /** The id pipelines use: lower-case words joined by dashes. */
    static final String ID = "gaussian-noise";
    /** The parameter key: camelCase, as it appears in the pipeline file. */
    static final String STDDEV = "stddev";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Gaussian noise",
            "Regularisation",
            "While training, adds noise drawn from a normal distribution with mean 0 and standard deviation "
                    + "stddev to every value that passes through; at prediction time values pass untouched. The "
                    + "layers after it learn to tolerate small changes of their input, which smooths the function "
                    + "the network learns. Put it after the input or between hidden layers, on standardised data "
                    + "(the noise is in the data's units). The shape is unchanged and there is nothing to learn.",
            List.of(ParameterSpec.number(STDDEV, 0.1).range(0, 10).unit("data units")
                    .help("Standard deviation of the added noise (0 = no noise). Typical: 0.05 to 0.3 of the "
                            + "input's own standard deviation.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public LayerBuild build(Parameters parameters, LayerContext context) throws LayerException {
        if (context.last()) {
            // messages name the layer by its index in model.layers and say how to fix the pipeline
            throw new LayerException("layer " + context.index() + " (" + ID + ") cannot be the last layer: it "
                    + "produces no prediction for the " + context.loss() + " loss; add an output layer after it");
        }
        double stddev = parameters.getDouble(STDDEV);
        DropoutLayer layer = new DropoutLayer.Builder()
                .dropOut(new GaussianNoise(stddev))
                .activation(Activation.IDENTITY)
                .build();
        // the output has the input's shape (vector, sequence or image alike), and no weights are learnt
        return new LayerBuild(layer, context.input(), 0);
    }
}
