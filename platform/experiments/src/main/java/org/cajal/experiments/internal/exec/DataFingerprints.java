package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cajal.api.run.Provenance;
import org.cajal.runfolder.RunFolders;

/**
 * Checks a run that came back from an executor against this computer's data files: provenance.json's
 * {@code data.files} names each file the run read, with its SHA-256; a file this computer has under the same path
 * must have the same hash, else the executor trained on other data than the experiment was planned on (a node with
 * an older copy of the file). Each file here is hashed once per experiment.
 */
final class DataFingerprints {

    private final Map<Path, String> hashes = new ConcurrentHashMap<>();

    /** Null when the data agree (or the run names no data file); else what differs, in the user's words. */
    String mismatch(Path run, String executor) throws IOException {
        Provenance provenance = RunFolders.provenance(run);
        if (!(provenance.object("data").get("files") instanceof List<?> files)) {
            return null;
        }
        for (Object f : files) {
            if (!(f instanceof Map<?, ?> file) || !(file.get("path") instanceof String path)
                    || !(file.get("sha256") instanceof String theirs)) {
                continue;
            }
            Path here = Path.of(path);
            if (!here.isAbsolute() || !Files.isRegularFile(here)) {
                continue;
            }
            String ours = hash(here);
            if (!ours.equalsIgnoreCase(theirs)) {
                return "the run read " + path + " on " + executor + " with SHA-256 " + abbreviate(theirs)
                        + ", but this computer's file has " + abbreviate(ours) + ": the data files must be the same,"
                        + " at the same path, on every node (docs/spark.md)";
            }
        }
        return null;
    }

    private String hash(Path file) throws IOException {
        String known = hashes.get(file);
        if (known != null) {
            return known;
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String hex = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            hashes.put(file, hex);
            return hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
