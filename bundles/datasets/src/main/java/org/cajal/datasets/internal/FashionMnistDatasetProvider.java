package org.cajal.datasets.internal;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Zalando's Fashion-MNIST: 28x28 grey-scale photos of clothes in ten classes, a harder drop-in for MNIST. */
@Component(service = DatasetProvider.class)
public final class FashionMnistDatasetProvider implements DatasetProvider {

    static final String ID = "fashion-mnist";
    /** Where Debian's package dataset-fashion-mnist installs the files. */
    static final String DEBIAN_FOLDER = "/usr/share/datasets/fashion-mnist";
    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final IdxFolder FOLDER = new IdxFolder(ID, "Fashion-MNIST", DEBIAN_FOLDER,
            "install Debian's package dataset-fashion-mnist (apt-get install dataset-fashion-mnist), which puts the "
                    + "files in " + DEBIAN_FOLDER, CLASSES);

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Fashion-MNIST", "Images",
            "Zalando's Fashion-MNIST: 70,000 grey-scale 28x28 photos of clothes in ten classes (T-shirt/top, "
                    + "Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot), 60,000 for training "
                    + "and 10,000 for testing, in MNIST's IDX format. On Debian and Ubuntu: apt-get install "
                    + "dataset-fashion-mnist. " + IdxDatasetProvider.PIXEL_HELP,
            FOLDER.parameters());

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        return FOLDER.open(parameters);
    }
}
