package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;

import org.cajal.api.ParameterSpec;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every generator promises: seeded determinism, its category, and an identity that names parameters and seed. */
class SyntheticDataTest {

    static Stream<DatasetProvider> generators() {
        return Stream.of(new SpiralsDatasetProvider(), new CirclesDatasetProvider(), new BlobsDatasetProvider(),
                new Regression1dDatasetProvider(), new HousePricesDatasetProvider(),
                new SineSequenceDatasetProvider());
    }

    @ParameterizedTest
    @MethodSource("generators")
    void sameSeedGivesTheSameDataAndAnotherSeedOtherData(DatasetProvider generator) throws Exception {
        Examples first = GeneratedData.all(GeneratedData.open(generator, Map.of(), 7L));
        Examples again = GeneratedData.all(GeneratedData.open(generator, Map.of(), 7L));
        Examples other = GeneratedData.all(GeneratedData.open(generator, Map.of(), 8L));
        assertEquals(first.features(), again.features());
        assertEquals(first.targets(), again.targets());
        assertFalse(first.features().equals(other.features()), "seed 8 gives other features than seed 7");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void defaultSizeCategoryAndIdentity(DatasetProvider generator) throws Exception {
        Dataset data = GeneratedData.open(generator, Map.of(), 7L);
        ParameterSpec samples = generator.descriptor().parameter("samples").orElseThrow();
        assertEquals(samples.defaultValue(), data.size());
        assertEquals("Synthetic data", generator.descriptor().category());
        assertTrue(data.identity().startsWith(generator.id() + " samples=" + samples.defaultValue() + " "),
                data.identity());
        assertTrue(data.identity().endsWith(" seed=7"), data.identity());
        assertEquals(data.size(), GeneratedData.all(data).size());
    }
}
