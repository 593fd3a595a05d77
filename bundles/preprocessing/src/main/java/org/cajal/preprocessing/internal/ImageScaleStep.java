package org.cajal.preprocessing.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.osgi.service.component.annotations.Component;

/** Divides pixel values by their largest possible value, so that 0..255 becomes 0..1. */
@Component(service = Preprocessor.class)
public final class ImageScaleStep implements Preprocessor {

    static final String ID = "image-scale";
    static final String MAX = "max";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Image scale", "Preprocessing",
            "Divides every feature value by max, so that 8-bit pixel values 0..255 become 0..1, the range networks "
                    + "train well on. It learns nothing from the data (max is the format's largest value, not the "
                    + "largest value seen), so every split and every image is scaled alike. Works on any feature "
                    + "shape: images, sequences or flat vectors. Targets are left as they are.",
            List.of(ParameterSpec.number(MAX, 255.0).atLeast(1e-12)
                    .help("The largest possible pixel value: 255 for 8-bit images, 65535 for 16-bit.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** Needs no statistics, so {@code training} is not read. */
    @Override
    public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters) {
        return new ScaledPixels(parameters.getDouble(MAX));
    }
}
