package org.cajal.runtime.internal.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.cajal.api.data.FittedTransform;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.RunFolderWriter;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a trained model leaves in its folder: split.json, the model file with its fitted preprocessing (inside a
 * zip model, beside any other), weights.json for small layer stacks (every layer's parameters as nested lists, so
 * they can be read without DL4J), and evaluation.json.
 */
final class ModelFiles {

    /** Models up to this many parameters also get a readable weights.json (the teaching examples). */
    static final long WEIGHTS_JSON_LIMIT = 10_000;

    /** The zip entry DL4J's ModelSerializer.addObjectToFile writes for the key "cajal-preprocessing". */
    private static final String PREPROCESSING_KEY = "cajal-preprocessing";

    private final RunFolderWriter folder;
    private final List<FittedTransform> transforms;

    ModelFiles(RunFolderWriter folder, List<FittedTransform> transforms) {
        this.folder = folder;
        this.transforms = transforms;
    }

    /** Writes the files of a model evaluated on the given examples. */
    void write(TrainableModel model, int[] evaluated, String splitName, Map<String, Object> evaluation)
            throws IOException {
        folder.writeJson(RunFiles.SPLIT, splitFile(evaluated, splitName));
        folder.writeWith(RunFiles.MODEL, file -> save(model, file));
        if (model instanceof LayerStackModel stack && model.parameterCount() <= WEIGHTS_JSON_LIMIT) {
            folder.writeJson(RunFiles.WEIGHTS, weights(stack));
        }
        folder.writeJson(RunFiles.EVALUATION, evaluation);
    }

    /**
     * Every layer's parameters as nested lists ({@code {"0_W": [[...]], "0_b": [[...]]}}, DL4J's parameter
     * names), so a small model's weights can be read without DL4J — e.g. the slope and intercept that 1D linear
     * regression recovered.
     */
    private static Map<String, Object> weights(LayerStackModel stack) {
        Map<String, Object> out = new LinkedHashMap<>();
        stack.network().paramTable().forEach((name, values) -> out.put(name, nested(values)));
        return out;
    }

    /**
     * The array as nested lists in C order: a row vector {@code [1, n]} (DL4J's bias shape) as one list, any other
     * shape one level per dimension. Built from the flat values and the shape, not from ND4J's slices (a slice of a
     * view with a dimension of 1 can come back as an empty array).
     */
    static Object nested(INDArray a) {
        double[] flat = a.dup('c').data().asDouble();
        long[] shape = a.rank() == 2 && a.rows() == 1 ? new long[] {a.columns()} : a.shape();
        if (shape.length == 0) {
            return flat[0];
        }
        return nested(flat, shape, 0, 0);
    }

    private static List<Object> nested(double[] flat, long[] shape, int dimension, int offset) {
        int stride = 1;
        for (int d = dimension + 1; d < shape.length; d++) {
            stride *= (int) shape[d];
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < shape[dimension]; i++) {
            out.add(dimension == shape.length - 1 ? flat[offset + i]
                    : nested(flat, shape, dimension + 1, offset + i * stride));
        }
        return out;
    }

    /** split.json: which examples of the dataset were evaluated, in predictions.csv's row order. */
    private static Map<String, Object> splitFile(int[] indices, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("split", name);
        m.put("examples", indices.length);
        m.put("indices", indices);
        return m;
    }

    private void save(TrainableModel model, Path file) throws IOException {
        model.save(file);
        if (transforms.isEmpty()) {
            return;
        }
        if (isZip(file)) {
            // the fitted preprocessing travels inside the model file, so the saved model predicts on raw input
            ModelSerializer.addObjectToFile(file.toFile(), PREPROCESSING_KEY, new ArrayList<>(transforms));
        } else {
            // an architecture's own file format (a SameDiff flatbuffer): the preprocessing goes beside it, in the
            // zip form the runtime reads (one entry, as ModelSerializer.addObjectToFile writes it)
            folder.writeWith(RunFiles.PREPROCESSING, zip -> {
                try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
                    out.putNextEntry(new ZipEntry("objects/" + PREPROCESSING_KEY));
                    var bytes = new ByteArrayOutputStream();
                    try (var objects = new ObjectOutputStream(bytes)) {
                        objects.writeObject(new ArrayList<>(transforms));
                    }
                    bytes.writeTo(out);
                    out.closeEntry();
                }
            });
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }
}
