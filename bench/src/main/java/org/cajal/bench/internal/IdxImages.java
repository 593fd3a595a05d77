package org.cajal.bench.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Grey-scale images and their labels read from a pair of IDX files (MNIST's format), gzip'd or not — the plain
 * DL4J side's own reader, deliberately independent of Cajal's dataset bundle.
 *
 * @param pixels {@code count * rows * cols} values 0..255 as unsigned bytes, image by image, row by row
 * @param labels one class label per image
 */
record IdxImages(byte[] pixels, byte[] labels, int rows, int cols) {

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    /** One part of a Fashion-MNIST folder: {@code train} or {@code t10k}; at most {@code limit} images (0 = all). */
    static IdxImages readPart(Path folder, String prefix, int limit) throws IOException {
        return read(file(folder, prefix + "-images-idx3-ubyte"), file(folder, prefix + "-labels-idx1-ubyte"), limit);
    }

    static IdxImages read(Path images, Path labels, int limit) throws IOException {
        try (DataInputStream in = open(images); DataInputStream lab = open(labels)) {
            expect(in.readInt(), IMAGES_MAGIC, images);
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            expect(lab.readInt(), LABELS_MAGIC, labels);
            int labelCount = lab.readInt();
            if (labelCount != count) {
                throw new IOException(images + " holds " + count + " images but " + labels + " " + labelCount
                        + " labels");
            }
            int n = limit > 0 ? Math.min(limit, count) : count;
            byte[] pixels = new byte[Math.multiplyExact(n, rows * cols)];
            byte[] classes = new byte[n];
            in.readFully(pixels);
            lab.readFully(classes);
            return new IdxImages(pixels, classes, rows, cols);
        }
    }

    int count() {
        return labels.length;
    }

    int imageSize() {
        return rows * cols;
    }

    /** The pixels divided by 255, as floats. */
    float[] scaledPixels() {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xFF) / 255f;
        }
        return x;
    }

    /** One row per image with a 1 in the column of its label. */
    float[] oneHot(int classes) {
        float[] y = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            y[i * classes + (labels[i] & 0xFF)] = 1f;
        }
        return y;
    }

    int label(int i) {
        return labels[i] & 0xFF;
    }

    private static Path file(Path folder, String name) throws IOException {
        for (String candidate : new String[] {name + ".gz", name}) {
            if (Files.isRegularFile(folder.resolve(candidate))) {
                return folder.resolve(candidate);
            }
        }
        throw new IOException("no " + name + ".gz (nor " + name + ") in " + folder + "; on Debian: apt-get install"
                + " dataset-fashion-mnist, or pass --folder DIR");
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
        raw.reset();
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static void expect(int magic, int wanted, Path file) throws IOException {
        if (magic != wanted) {
            throw new IOException(file + " is not an IDX file of the expected kind: magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(wanted));
        }
    }
}
