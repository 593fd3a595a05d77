package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.data.DatasetProvider;
import org.junit.jupiter.api.Test;

/** Every dataset of the bundle describes itself fully: the workbench's forms and the docs are built from this. */
class DescriptorsTest {

    static final List<DatasetProvider> ALL = List.of(new XorDatasetProvider(), new CsvDatasetProvider(),
            new IdxDatasetProvider(), new MnistDatasetProvider(), new FashionMnistDatasetProvider(),
            new SpiralsDatasetProvider(), new CirclesDatasetProvider(), new BlobsDatasetProvider(),
            new Regression1dDatasetProvider(), new HousePricesDatasetProvider(), new SineSequenceDatasetProvider());

    @Test
    void idsAreUniqueAndAsDocumented() {
        assertEquals(List.of("xor", "csv", "idx", "mnist", "fashion-mnist", "spirals", "circles", "blobs",
                "regression-1d", "house-prices", "sine-sequence"), ALL.stream().map(DatasetProvider::id).toList());
    }

    @Test
    void everyComponentAndParameterHasHelpAndEveryDefaultIsValid() {
        for (DatasetProvider provider : ALL) {
            ComponentDescriptor descriptor = provider.descriptor();
            assertTrue(descriptor.help().length() > 80, descriptor.id() + " help");
            assertFalse(descriptor.category().isBlank(), descriptor.id() + " category");
            for (ParameterSpec spec : descriptor.parameters()) {
                String where = descriptor.id() + "." + spec.key();
                assertTrue(spec.help().length() > 20, where + " help");
                if (spec.defaultValue() != null) {
                    assertEquals(java.util.Optional.empty(), spec.problem(spec.defaultValue()), where + " default");
                } else {
                    assertTrue(spec.required() || spec.help().startsWith("Optional"),
                            where + " has no default, so its help must say it is optional");
                }
            }
        }
    }
}
