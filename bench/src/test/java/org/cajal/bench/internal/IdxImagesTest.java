package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxImagesTest {

    @TempDir
    Path folder;

    @Test
    void readsGzippedAndPlainFilesUpToTheLimit() throws IOException {
        // three 2x2 images: pixel values i*4 .. i*4+3, with 255 in the last pixel of the last image
        byte[] pixels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
        write(folder.resolve("train-images-idx3-ubyte.gz"), true, IdxImages.IMAGES_MAGIC, new int[] {3, 2, 2}, pixels);
        write(folder.resolve("train-labels-idx1-ubyte"), false, IdxImages.LABELS_MAGIC, new int[] {3},
                new byte[] {7, 0, 9});

        IdxImages all = IdxImages.readPart(folder, "train", 0);
        assertEquals(3, all.count());
        assertEquals(4, all.imageSize());
        assertEquals(9, all.label(2));
        assertEquals(1f, all.scaledPixels()[11]);
        assertEquals(2 / 255f, all.scaledPixels()[2]);
        float[] oneHot = all.oneHot(10);
        assertEquals(1f, oneHot[7]);
        assertEquals(1f, oneHot[10]);
        assertEquals(1f, oneHot[29]);
        assertEquals(3f, sum(oneHot));

        IdxImages two = IdxImages.readPart(folder, "train", 2);
        assertEquals(2, two.count());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7}, two.pixels());
    }

    @Test
    void aMissingOrForeignFileIsNamed() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> IdxImages.readPart(folder, "t10k", 0));
        assertTrue(missing.getMessage().contains("t10k-images-idx3-ubyte.gz"), missing.getMessage());

        write(folder.resolve("t10k-images-idx3-ubyte"), false, IdxImages.LABELS_MAGIC, new int[] {1}, new byte[1]);
        write(folder.resolve("t10k-labels-idx1-ubyte"), false, IdxImages.LABELS_MAGIC, new int[] {1}, new byte[1]);
        IOException foreign = assertThrows(IOException.class, () -> IdxImages.readPart(folder, "t10k", 0));
        assertTrue(foreign.getMessage().contains("magic number 0x801, expected 0x803"), foreign.getMessage());
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    private static void write(Path file, boolean gzip, int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes.toByteArray());
        }
    }
}
