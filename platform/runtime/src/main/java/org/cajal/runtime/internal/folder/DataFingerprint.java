package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.Describable;
import org.cajal.api.ParameterKind;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * provenance.json's {@code data}: what the run learnt from, as numbers rather than names.
 *
 * <pre>{@code "data": {"sha256": "<hex>", "examples": n, "files": [{"path": "/abs/rows.csv", "bytes": n, "sha256": "<hex>"}]}}</pre>
 *
 * <p>{@code sha256} is the SHA-256 of the dataset's examples as the dataset gives them, before any preprocessing:
 * for example 0, 1, ..., n - 1 in turn, its feature values, then its target values (none when the dataset has
 * no target), each as a 32-bit IEEE float, little-endian, in row-major order of the example's shape. It does not
 * depend on how the examples are batched, the split, the seed or the files' names: the same values in the same
 * order give the same hash. {@code files} lists the dataset's file parameters whose value is an existing regular
 * file, each with its absolute path, size and the SHA-256 of its bytes.
 */
public final class DataFingerprint {

    /** Examples read at a time while hashing. */
    private static final int CHUNK = 1024;

    private DataFingerprint() {
    }

    /** The {@code data} object for a dataset and its local files. */
    public static Map<String, Object> of(Dataset dataset, List<Path> files) throws DatasetException, IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sha256", examplesSha256(dataset));
        m.put("examples", dataset.size());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Path file : files) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", file.toAbsolutePath().normalize().toString());
            f.put("bytes", Files.size(file));
            f.put("sha256", fileSha256(file));
            list.add(f);
        }
        m.put("files", list);
        return m;
    }

    /** The hex SHA-256 of every example's features and targets, in index order (see the class comment). */
    public static String examplesSha256(Dataset dataset) throws DatasetException {
        MessageDigest digest = sha256();
        int n = dataset.size();
        for (int from = 0; from < n; from += CHUNK) {
            int[] indices = new int[Math.min(CHUNK, n - from)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            Examples e = dataset.read(indices);
            float[] features = floats(e.features());
            float[] targets = e.targets() == null ? new float[0] : floats(e.targets());
            int fw = features.length / indices.length;
            int tw = targets.length / indices.length;
            ByteBuffer buffer = ByteBuffer.allocate(4 * (fw + tw)).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < indices.length; i++) {
                buffer.clear();
                buffer.asFloatBuffer().put(features, i * fw, fw).put(targets, i * tw, tw);
                digest.update(buffer.array(), 0, 4 * (fw + tw));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A row-major copy of an array's values as floats. */
    private static float[] floats(INDArray a) {
        INDArray f = a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
        return f.dup('c').data().asFloat();
    }

    static String fileSha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                digest.update(buffer, 0, r);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The existing regular files among a component's {@link ParameterKind#FILE} parameters, in its order. */
    public static List<Path> files(Describable component, Parameters parameters) {
        List<Path> out = new ArrayList<>();
        for (ParameterSpec spec : component.descriptor().parameters()) {
            if (spec.kind() == ParameterKind.FILE && parameters.has(spec.key())) {
                Path file = parameters.getPath(spec.key());
                if (Files.isRegularFile(file)) {
                    out.add(file);
                }
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256, which every Java platform must have", e);
        }
    }
}
