package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.experiments.internal.store.FolderFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * The local data files of a run: the dataset parameters of its pipeline.json whose value is the path of an
 * existing file, resolved against the pipeline's base directory (provenance.json's {@code baseDirectory}), with
 * their size and SHA-256.
 */
final class DataFiles {

    /** Files larger than this stay out of bundles (their hash is still recorded). */
    static final long MAX_BUNDLED_BYTES = 64L * 1024 * 1024;

    private DataFiles() {
    }

    /**
     * One data file.
     *
     * @param param the dataset parameter naming it ({@code file})
     * @param value the parameter's value as written in the pipeline
     * @param path the absolute file
     */
    record DataFile(String param, String value, Path path, long bytes, String sha256, boolean bundled) {

        /** The zip entry of a bundled copy: data/ + the first 12 hex digits of the hash + the file name. */
        String entry() {
            return "data/" + sha256.substring(0, 12) + "-" + path.getFileName();
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("param", param);
            m.put("value", value);
            m.put("path", path.toString());
            m.put("bytes", bytes);
            m.put("sha256", sha256);
            m.put("entry", bundled() ? entry() : null);
            return m;
        }
    }

    /** The data files of a run folder; those of at most {@code maxBundledBytes} are to be bundled. */
    static List<DataFile> of(Path run, long maxBundledBytes) throws IOException {
        Map<String, Object> pipeline = Json.readObject(run.resolve(RunFiles.PIPELINE));
        Map<String, Object> provenance = RunFolders.provenance(run).values();
        String base = FolderFiles.string(provenance, "baseDirectory");
        Path baseDir = base == null ? run : Path.of(base);
        List<DataFile> files = new ArrayList<>();
        Map<String, Object> params = FolderFiles.object(FolderFiles.object(pipeline, "dataset"), "params");
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!(e.getValue() instanceof String text) || text.isBlank()) {
                continue;
            }
            Path file;
            try {
                file = baseDir.resolve(text).toAbsolutePath().normalize();
            } catch (InvalidPathException ex) {
                continue;
            }
            if (Files.isRegularFile(file)) {
                long bytes = Files.size(file);
                files.add(new DataFile(e.getKey(), text, file, bytes, sha256(file), bytes <= maxBundledBytes));
            }
        }
        return files;
    }

    /** The data fingerprint of a run: provenance.json's "data" when present, else the hashes of its files. */
    static Map<String, Object> fingerprint(Map<String, Object> provenance, List<DataFile> files) {
        Map<String, Object> data = FolderFiles.object(provenance, "data");
        if (!data.isEmpty()) {
            return data;
        }
        Map<String, Object> computed = new LinkedHashMap<>();
        computed.put("source", "SHA-256 of the dataset's local files (provenance.json has no \"data\" entry)");
        List<Map<String, Object>> list = new ArrayList<>();
        for (DataFile f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", f.path().toString());
            m.put("bytes", f.bytes());
            m.put("sha256", f.sha256());
            list.add(m);
        }
        computed.put("files", list);
        return computed;
    }

    /** The SHA-256 of a file's bytes, as lower-case hex. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
