package org.cajal.datasets.internal;

import java.util.List;
import java.util.stream.IntStream;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** LeCun's MNIST: 28x28 grey-scale images of hand-written digits, the "hello world" of image classification. */
@Component(service = DatasetProvider.class)
public final class MnistDatasetProvider implements DatasetProvider {

    static final String ID = "mnist";
    static final String DEFAULT_FOLDER = "/usr/share/datasets/mnist";

    private static final IdxFolder FOLDER = new IdxFolder(ID, "MNIST", DEFAULT_FOLDER,
            "download the four files of the MNIST database (such as from a mirror listed on "
                    + "https://yann.lecun.com/exdb/mnist/) into it", digits());

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "MNIST digits", "Images",
            "The MNIST database of hand-written digits: 70,000 grey-scale 28x28 images of the digits 0 to 9, "
                    + "60,000 for training and 10,000 for testing, in the IDX format. No package installs it here: "
                    + "download the four files into a folder and name it in 'folder'. " + IdxDatasetProvider.PIXEL_HELP,
            FOLDER.parameters());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        return FOLDER.open(parameters);
    }

    private static List<String> digits() {
        return IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    }
}
