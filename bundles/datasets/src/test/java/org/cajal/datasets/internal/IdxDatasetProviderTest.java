package org.cajal.datasets.internal;

import static org.cajal.datasets.internal.IdxFixtures.gzip;
import static org.cajal.datasets.internal.IdxFixtures.images;
import static org.cajal.datasets.internal.IdxFixtures.labels;
import static org.cajal.datasets.internal.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class IdxDatasetProviderTest {

    private static final int[] LABELS = {0, 2, 1, 2, 0};

    @TempDir
    Path folder;

    private final IdxDatasetProvider idx = new IdxDatasetProvider();

    @Test
    void plainFilesReadBackAsImagesOfRawPixelValues() throws Exception {
        write(folder.resolve("img"), images(5, 3, 2));
        write(folder.resolve("lbl"), labels(LABELS));
        IdxDataset data = open(Map.of("images", "img", "labels", "lbl", "classNames", "cat, dog, bird"));
        assertEquals(5, data.size());
        assertEquals(List.of(), data.schema().featureNames());
        assertEquals(List.of(1L, 3L, 2L), data.schema().featureShape());
        assertEquals(TargetKind.MULTICLASS, data.schema().targetKind());
        assertEquals(List.of("cat", "dog", "bird"), data.schema().classLabels());
        Examples picked = data.read(new int[] {4, 1});
        assertEquals(DataType.FLOAT, picked.features().dataType());
        assertArrayEquals(new long[] {2, 1, 3, 2}, picked.features().shape());
        for (int k = 0; k < 6; k++) {
            assertEquals(IdxFixtures.pixel(4, k), picked.features().getFloat(0, 0, k / 2, k % 2), 0f);
            assertEquals(IdxFixtures.pixel(1, k), picked.features().getFloat(1, 0, k / 2, k % 2), 0f);
        }
        assertArrayEquals(new float[] {0, 2}, picked.targets().toFloatVector());
        assertEquals(5 * 6 + 5, data.bytesHeld(), "one byte per pixel and per label");
    }

    @Test
    void gzipIsRecognisedByItsBytesNotItsName() throws Exception {
        write(folder.resolve("images.idx"), gzip(images(5, 3, 2)));
        write(folder.resolve("labels.gz"), labels(LABELS));
        Dataset packed = open(Map.of("images", "images.idx", "labels", "labels.gz"));
        write(folder.resolve("plain.idx"), images(5, 3, 2));
        Dataset plain = open(Map.of("images", "plain.idx", "labels", "labels.gz"));
        int[] all = {0, 1, 2, 3, 4};
        assertEquals(plain.read(all).features(), packed.read(all).features());
        assertTrue(packed.identity().startsWith("idx images=" + folder.resolve("images.idx") + " sha256:"),
                packed.identity());
    }

    @Test
    void pixelsStayUnscaledZeroTo255() throws Exception {
        write(folder.resolve("img.gz"), gzip(images(40, 4, 4)));
        write(folder.resolve("lbl.gz"), gzip(labels(new int[40])));
        Examples all = open(Map.of("images", "img.gz", "labels", "lbl.gz", "classNames", "a,b"))
                .read(java.util.stream.IntStream.range(0, 40).toArray());
        assertEquals(0f, all.features().minNumber().floatValue());
        assertEquals(255f, all.features().maxNumber().floatValue());
    }

    @Test
    void limitReadsOnlyTheFirstExamplesAndSaysSoInTheIdentity() throws Exception {
        write(folder.resolve("img"), images(5, 3, 2));
        write(folder.resolve("lbl"), labels(LABELS));
        IdxDataset data = open(Map.of("images", "img", "labels", "lbl", "limit", 2));
        assertEquals(2, data.size());
        assertEquals(2 * 6 + 2, data.bytesHeld());
        assertTrue(data.identity().endsWith(" examples=2 of 5"), data.identity());
        assertEquals(5, open(Map.of("images", "img", "labels", "lbl", "limit", 99)).size());
    }

    @Test
    void targetsAloneEqualTheTargetsOfRead() throws Exception {
        write(folder.resolve("img"), images(5, 3, 2));
        write(folder.resolve("lbl"), labels(LABELS));
        Dataset data = open(Map.of("images", "img", "labels", "lbl"));
        int[] order = {3, 0, 2};
        assertEquals(data.read(order).targets(), data.targets(order));
        assertArrayEquals(new long[] {3, 1}, data.targets(order).shape());
    }

    @Test
    void defaultClassesAreTheDigitsOrUpToTheHighestLabel() throws Exception {
        write(folder.resolve("img"), images(3, 1, 1));
        write(folder.resolve("lbl"), labels(0, 1, 1));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                open(Map.of("images", "img", "labels", "lbl")).schema().classLabels());
        write(folder.resolve("lbl12"), labels(0, 12, 1));
        assertEquals(13, open(Map.of("images", "img", "labels", "lbl12")).schema().classCount());
    }

    @Test
    void swappedFilesAreABadMagicNumberWithAHint() throws Exception {
        write(folder.resolve("img"), images(5, 3, 2));
        write(folder.resolve("lbl"), labels(LABELS));
        String message = failure(Map.of("images", "lbl", "labels", "img"));
        assertEquals(folder.resolve("lbl") + " has magic number 0x00000801 but IDX images (magic 0x00000803) start "
                + "with 0x00000803 (unsigned bytes, 3 dimensions); this looks like a labels file: check that images "
                + "and labels are not swapped", message);
        write(folder.resolve("text.gz"), gzip("hello, world\n".getBytes()));
        String text = failure(Map.of("images", "text.gz", "labels", "lbl"));
        assertTrue(text.startsWith(folder.resolve("text.gz") + " (gzip) has magic number 0x68656C6C"), text);
        assertTrue(text.endsWith("it is not an IDX file of unsigned bytes (MNIST format)"), text);
    }

    @Test
    void countMismatchNamesBothFilesAndCounts() throws Exception {
        write(folder.resolve("img"), images(5, 3, 2));
        write(folder.resolve("lbl"), labels(0, 1, 2));
        assertEquals(folder.resolve("img") + " holds 5 images but " + folder.resolve("lbl") + " holds 3 labels; each "
                + "image needs one label: pair the images file with its own labels file (train with train, t10k "
                + "with t10k)", failure(Map.of("images", "img", "labels", "lbl")));
    }

    @Test
    void truncatedFilesSayWhatWasExpected() throws Exception {
        byte[] full = images(5, 3, 2);
        write(folder.resolve("lbl"), labels(LABELS));
        write(folder.resolve("cut"), Arrays.copyOf(full, 16 + 20));
        assertEquals(folder.resolve("cut") + " is truncated: its header announces 5 images of 3x2 pixels, so 30 bytes "
                + "were expected after the header, but the data ends after 20; download it again",
                failure(Map.of("images", "cut", "labels", "lbl")));
        write(folder.resolve("cut.gz"), gzip(Arrays.copyOf(full, 16 + 20)));
        String packed = failure(Map.of("images", "cut.gz", "labels", "lbl"));
        assertTrue(packed.startsWith(folder.resolve("cut.gz") + " (gzip) is truncated: its header announces 5 images"
                + " of 3x2 pixels"), packed);
        byte[] gz = gzip(full);
        write(folder.resolve("broken.gz"), Arrays.copyOf(gz, gz.length / 2));
        String broken = failure(Map.of("images", "broken.gz", "labels", "lbl"));
        assertTrue(broken.contains("truncated"), broken);
        write(folder.resolve("short"), Arrays.copyOf(full, 10));
        assertTrue(failure(Map.of("images", "short", "labels", "lbl")).endsWith(" is truncated: it ends inside the "
                + "16-byte header of IDX images (magic 0x00000803); download it again"));
    }

    @Test
    void labelBeyondTheClassNamesAndBadClassNamesAreExplained() throws Exception {
        write(folder.resolve("img"), images(5, 3, 2));
        write(folder.resolve("lbl"), labels(LABELS));
        String beyond = failure(Map.of("images", "img", "labels", "lbl", "classNames", "a,b"));
        assertTrue(beyond.startsWith(folder.resolve("lbl") + ": example 1 has label 2, but only 2 classes are named "
                + "(labels 0..1)"), beyond);
        assertTrue(failure(Map.of("images", "img", "labels", "lbl", "classNames", "a,a,b"))
                .contains("names class 'a' twice"));
        assertTrue(failure(Map.of("images", "img", "labels", "lbl", "classNames", "a")).contains("at least two"));
    }

    @Test
    void missingFileIsNamed() {
        String message = failure(Map.of("images", "nowhere.gz", "labels", "lbl"));
        assertEquals("IDX file " + folder.resolve("nowhere.gz") + " not found; relative paths resolve against the "
                + "pipeline file's folder", message);
    }

    private IdxDataset open(Map<String, Object> raw) throws DatasetException {
        return (IdxDataset) idx.open(Parameters.resolve(idx.descriptor(), new HashMap<>(raw), folder), 1L);
    }

    private String failure(Map<String, Object> raw) {
        return assertThrows(DatasetException.class, () -> open(raw)).getMessage();
    }
}
