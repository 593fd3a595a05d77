package org.cajal.datasets.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.cajal.api.data.DatasetException;

/**
 * Reads a pair of IDX files, images and their labels, into one {@link IdxDataset}: headers first (so that a count
 * mismatch is reported before 47 MB are read), then only the first {@code limit} examples.
 */
final class IdxImageSet {

    /** Labels an IDX set gets when the user names none: the digits. */
    static final int DEFAULT_CLASSES = 10;

    private static final String IMAGES = "IDX images (magic 0x00000803)";
    private static final String LABELS = "IDX labels (magic 0x00000801)";
    /** Largest byte array the JVM reliably allocates. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8L;

    private IdxImageSet() {
    }

    /**
     * @param limit read only this many examples (all when {@code null} or larger than the file)
     * @param classNames the class labels in index order, or {@code null} for "0".."9" (more if a label is higher)
     * @param name how the identity names the set ({@code idx}, {@code fashion-mnist test})
     */
    static IdxDataset read(Path images, Path labels, Integer limit, List<String> classNames, String name)
            throws DatasetException {
        try (IdxFile imageFile = IdxFile.open(images, IMAGES); IdxFile labelFile = IdxFile.open(labels, LABELS)) {
            int[] imageHeader = imageFile.header(3);
            int total = labelFile.header(1)[0];
            checkCounts(imageFile, labelFile, imageHeader, total);
            int count = limit == null ? total : Math.min(limit, total);
            int rows = imageHeader[1];
            int cols = imageHeader[2];
            byte[] pixels = new byte[pixelBytes(imageFile, count, rows, cols, limit)];
            imageFile.read(pixels, count + " images of " + rows + "x" + cols + " pixels");
            byte[] labelBytes = new byte[count];
            labelFile.read(labelBytes, count + " labels");
            List<String> classes = classNames == null ? digits(labelBytes) : classNames;
            checkLabels(labelFile, labelBytes, classes);
            String identity = name + " images=" + images + " sha256:" + imageFile.finish().substring(0, 12)
                    + " labels=" + labels + " sha256:" + labelFile.finish().substring(0, 12) + " examples=" + count
                    + (count < total ? " of " + total : "");
            return new IdxDataset(pixels, labelBytes, rows, cols, classes, identity);
        }
    }

    private static void checkCounts(IdxFile images, IdxFile labels, int[] imageHeader, int labelCount)
            throws DatasetException {
        if (imageHeader[0] < 1 || imageHeader[1] < 1 || imageHeader[2] < 1) {
            throw new DatasetException(images.describe() + " announces " + imageHeader[0] + " images of "
                    + imageHeader[1] + "x" + imageHeader[2] + " pixels; it needs at least one image of at least "
                    + "1x1 pixels");
        }
        if (imageHeader[0] != labelCount) {
            throw new DatasetException(images.describe() + " holds " + imageHeader[0] + " images but "
                    + labels.describe() + " holds " + labelCount + " labels; each image needs one label: pair the "
                    + "images file with its own labels file (train with train, t10k with t10k)");
        }
    }

    private static int pixelBytes(IdxFile images, int count, int rows, int cols, Integer limit)
            throws DatasetException {
        long bytes = (long) count * rows * cols;
        if (bytes > MAX_BYTES) {
            throw new DatasetException(images.describe() + ": " + count + " images of " + rows + "x" + cols
                    + " pixels are " + bytes + " bytes, more than one array holds (2 GB); set 'limit' to read "
                    + "fewer" + (limit == null ? "" : " than " + limit));
        }
        return (int) bytes;
    }

    private static List<String> digits(byte[] labels) {
        int highest = DEFAULT_CLASSES - 1;
        for (byte label : labels) {
            highest = Math.max(highest, label & 0xFF);
        }
        return IntStream.rangeClosed(0, highest).mapToObj(Integer::toString).toList();
    }

    private static void checkLabels(IdxFile file, byte[] labels, List<String> classes) throws DatasetException {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes.size()) {
                throw new DatasetException(file.describe() + ": example " + i + " has label " + label + ", but only "
                        + classes.size() + " classes are named (labels 0.." + (classes.size() - 1) + "); check that "
                        + "this is the labels file of these images, or (with the idx dataset) list one name per "
                        + "label in '" + IdxDatasetProvider.CLASS_NAMES + "'");
            }
        }
    }

    /**
     * Class names from a comma-separated list.
     *
     * @throws DatasetException if fewer than two or a name is repeated
     */
    static List<String> classNames(String list, String key) throws DatasetException {
        List<String> names = new ArrayList<>();
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                throw new DatasetException("'" + key + "' has an empty class name (at position " + (names.size() + 1)
                        + "); list the class names separated by commas, one per label: 0, 1, ...");
            }
            if (names.contains(name)) {
                throw new DatasetException("'" + key + "' names class '" + name + "' twice; class names must differ");
            }
            names.add(name);
        }
        if (names.size() < 2) {
            throw new DatasetException("'" + key + "' names " + names.size() + " class; a classification needs at "
                    + "least two, one per label value");
        }
        return names;
    }
}
