package org.cajal.datasets.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Grey-scale images and labels in a pair of IDX files, the format of MNIST and Fashion-MNIST. */
@Component(service = DatasetProvider.class)
public final class IdxDatasetProvider implements DatasetProvider {

    static final String ID = "idx";
    static final String IMAGES = "images";
    static final String LABELS = "labels";
    static final String LIMIT = "limit";
    static final String CLASS_NAMES = "classNames";

    /** Help text for the pixel values, shared with the MNIST providers. */
    static final String PIXEL_HELP = "Each example is a grey-scale image of shape [1, rows, cols] (channels, height, "
            + "width) with the raw pixel values 0 (background) to 255 as floats; they are not scaled here, so add a "
            + "scaling step (such as min-max to [0, 1]) in the pipeline's preprocessing.";

    static final String LIMIT_HELP = "Optional: read only the first N examples (for tests and quick runs); leave it "
            + "out to read all.";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "IDX image files", "Files",
            "Images and class labels from two IDX files, the format of MNIST and Fashion-MNIST (magic number "
                    + "0x00000803 for images, 0x00000801 for labels), gzip-compressed or not (recognised by the "
                    + "file's first bytes, not its name). " + PIXEL_HELP + " The pixels are held once, one byte "
                    + "each (60,000 images of 28x28 take 47 MB).",
            List.of(
                    ParameterSpec.file(IMAGES).help("The images file (such as train-images-idx3-ubyte.gz); a "
                            + "relative path resolves against the folder of the pipeline file."),
                    ParameterSpec.file(LABELS).help("The labels file belonging to the images (such as "
                            + "train-labels-idx1-ubyte.gz); it must hold as many labels as there are images."),
                    ParameterSpec.integer(LIMIT, null).atLeast(1).unit("examples").help(LIMIT_HELP),
                    ParameterSpec.string(CLASS_NAMES, null)
                            .help("Optional: the class names in label order, separated by commas (cat, dog). "
                                    + "Leave it out to name the classes by their labels 0..9 (or up to the highest "
                                    + "label).")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        List<String> classNames = parameters.optionalString(CLASS_NAMES).isPresent()
                ? IdxImageSet.classNames(parameters.getString(CLASS_NAMES), CLASS_NAMES) : null;
        return IdxImageSet.read(parameters.getPath(IMAGES), parameters.getPath(LABELS),
                parameters.optionalInt(LIMIT).orElse(null), classNames, ID);
    }
}
