package org.cajal.datasets.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.ParameterKind;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DatasetException;

/**
 * A folder in the layout MNIST is distributed in: {@code train-images-idx3-ubyte.gz}, {@code train-labels-idx1-ubyte.gz},
 * {@code t10k-images-idx3-ubyte.gz} and {@code t10k-labels-idx1-ubyte.gz} (each also accepted unpacked, without
 * {@code .gz}). The MNIST and Fashion-MNIST providers differ only in this description.
 *
 * @param id the provider id, which names the set in identities
 * @param title the set's name in messages
 * @param defaultFolder where the set is looked for by default
 * @param installHint how to get the files, for the message when they are not there
 * @param classNames the class names in label order
 */
record IdxFolder(String id, String title, String defaultFolder, String installHint, List<String> classNames) {

    static final String FOLDER = "folder";
    static final String PART = "part";
    static final String LIMIT = IdxDatasetProvider.LIMIT;

    private static final List<String> PARTS = List.of("train", "test");

    IdxFolder {
        classNames = List.copyOf(classNames);
    }

    /** The parameters both MNIST providers take. */
    List<ParameterSpec> parameters() {
        return List.of(
                new ParameterSpec(FOLDER, ParameterKind.FILE, defaultFolder, false, null, null, List.of(), "",
                        "The folder holding the four " + title + " files (train-images-idx3-ubyte.gz, "
                                + "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz, "
                                + "gzip'd or not)."),
                ParameterSpec.choice(PART, PARTS).help("train: the 60,000 training images; test: the 10,000 test "
                        + "images (files t10k-*), kept apart for a final evaluation."),
                ParameterSpec.integer(LIMIT, null).atLeast(1).unit("examples").help(IdxDatasetProvider.LIMIT_HELP));
    }

    IdxDataset open(Parameters parameters) throws DatasetException {
        Path folder = parameters.getPath(FOLDER);
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(title + " folder " + folder + " not found; " + installHint
                    + ", or set '" + FOLDER + "' to a folder holding the four " + title + " files");
        }
        String part = parameters.getString(PART);
        String prefix = part.equals("train") ? "train" : "t10k";
        return IdxImageSet.read(file(folder, prefix + "-images-idx3-ubyte"), file(folder, prefix + "-labels-idx1-ubyte"),
                parameters.optionalInt(LIMIT).orElse(null), classNames, id + " " + part);
    }

    /** The file, gzip'd ({@code .gz}) or not. */
    private Path file(Path folder, String name) throws DatasetException {
        for (String candidate : List.of(name + ".gz", name)) {
            if (Files.isRegularFile(folder.resolve(candidate))) {
                return folder.resolve(candidate);
            }
        }
        throw new DatasetException(title + " folder " + folder + " has no " + name + ".gz (nor " + name
                + "); it needs train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                + "t10k-labels-idx1-ubyte.gz; " + installHint);
    }
}
