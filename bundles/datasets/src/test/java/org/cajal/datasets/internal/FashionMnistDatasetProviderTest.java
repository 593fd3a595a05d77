package org.cajal.datasets.internal;

import static org.cajal.datasets.internal.IdxFixtures.gzip;
import static org.cajal.datasets.internal.IdxFixtures.images;
import static org.cajal.datasets.internal.IdxFixtures.labels;
import static org.cajal.datasets.internal.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.cajal.api.Parameters;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fashion-MNIST from Debian's package where it is installed, and the MNIST folder layout with small files. */
class FashionMnistDatasetProviderTest {

    private static final Path DEBIAN = Path.of(FashionMnistDatasetProvider.DEBIAN_FOLDER);

    @TempDir
    Path folder;

    private final FashionMnistDatasetProvider fashion = new FashionMnistDatasetProvider();
    private final MnistDatasetProvider mnist = new MnistDatasetProvider();

    @Test
    void installedTestPartHasTenClassesOf28x28RawPixels() throws Exception {
        requireDebianPackage();
        IdxDataset data = open(fashion, Map.of("part", "test", "limit", 100));
        assertEquals(100, data.size());
        assertEquals(TargetKind.MULTICLASS, data.schema().targetKind());
        assertEquals(FashionMnistDatasetProvider.CLASSES, data.schema().classLabels());
        Examples all = data.read(IntStream.range(0, 100).toArray());
        assertArrayEquals(new long[] {100, 1, 28, 28}, all.features().shape());
        assertEquals(0f, all.features().minNumber().floatValue());
        assertEquals(255f, all.features().maxNumber().floatValue());
        float[] labels = all.targets().toFloatVector();
        assertEquals(10, IntStream.range(0, labels.length).map(i -> (int) labels[i]).distinct().count(),
                "the first 100 test images show all ten classes");
        assertTrue(data.identity().startsWith("fashion-mnist test images=" + DEBIAN.resolve(
                "t10k-images-idx3-ubyte.gz") + " sha256:"), data.identity());
        assertTrue(data.identity().endsWith(" examples=100 of 10000"), data.identity());
    }

    @Test
    void installedTrainPartIsHeldAsOneBytePerPixel() throws Exception {
        requireDebianPackage();
        IdxDataset data = open(fashion, Map.of());
        assertEquals(60_000, data.size());
        assertEquals(60_000L * 28 * 28 + 60_000, data.bytesHeld());
        int[] counts = new int[10];
        for (float label : data.targets(IntStream.range(0, 60_000).toArray()).toFloatVector()) {
            counts[(int) label]++;
        }
        assertArrayEquals(IntStream.range(0, 10).map(i -> 6000).toArray(), counts, "6,000 training images per class");
    }

    @Test
    void missingFolderSaysToInstallTheDebianPackage() {
        String message = assertThrows(DatasetException.class,
                () -> open(fashion, Map.of("folder", "nowhere"))).getMessage();
        assertEquals("Fashion-MNIST folder " + folder.resolve("nowhere") + " not found; install Debian's package "
                + "dataset-fashion-mnist (apt-get install dataset-fashion-mnist), which puts the files in "
                + "/usr/share/datasets/fashion-mnist, or set 'folder' to a folder holding the four Fashion-MNIST files",
                message);
        assertEquals(FashionMnistDatasetProvider.DEBIAN_FOLDER,
                fashion.descriptor().parameter("folder").orElseThrow().defaultValue());
    }

    @Test
    void mnistFolderWithUnpackedFilesReadsTheChosenPart() throws Exception {
        write(folder.resolve("digits/train-images-idx3-ubyte"), images(6, 28, 28));
        write(folder.resolve("digits/train-labels-idx1-ubyte"), labels(0, 1, 2, 3, 4, 5));
        write(folder.resolve("digits/t10k-images-idx3-ubyte.gz"), gzip(images(3, 28, 28)));
        write(folder.resolve("digits/t10k-labels-idx1-ubyte.gz"), gzip(labels(9, 8, 7)));
        IdxDataset train = open(mnist, Map.of("folder", "digits"));
        IdxDataset test = open(mnist, Map.of("folder", "digits", "part", "test"));
        assertEquals(6, train.size());
        assertEquals(3, test.size());
        assertArrayEquals(new float[] {9, 8, 7}, test.targets(new int[] {0, 1, 2}).toFloatVector());
        assertEquals(10, test.schema().classCount());
        assertTrue(test.identity().startsWith("mnist test images="), test.identity());
    }

    @Test
    void mnistFolderWithoutTheFilesNamesTheMissingOne() throws Exception {
        Files.createDirectories(folder.resolve("empty"));
        String message = assertThrows(DatasetException.class,
                () -> open(mnist, Map.of("folder", "empty", "part", "test"))).getMessage();
        assertTrue(message.startsWith("MNIST folder " + folder.resolve("empty") + " has no t10k-images-idx3-ubyte.gz "
                + "(nor t10k-images-idx3-ubyte); it needs"), message);
        assertTrue(message.contains("download the four files of the MNIST database"), message);
    }

    /** Skips where the package is not installed, but fails under CI, whose run script installs it. */
    private static void requireDebianPackage() {
        boolean installed = Files.isRegularFile(DEBIAN.resolve("t10k-images-idx3-ubyte.gz"));
        if (!installed && System.getenv("CI") != null) {
            fail("CI is set but " + DEBIAN + " has no Fashion-MNIST files; .ci/run installs Debian's package "
                    + "dataset-fashion-mnist (apt-get install dataset-fashion-mnist)");
        }
        assumeTrue(installed, "Fashion-MNIST is not installed in " + DEBIAN + "; apt-get install "
                + "dataset-fashion-mnist to run this test");
    }

    private IdxDataset open(DatasetProvider provider, Map<String, Object> raw) throws DatasetException {
        return (IdxDataset) provider.open(Parameters.resolve(provider.descriptor(), new HashMap<>(raw), folder), 1L);
    }
}
