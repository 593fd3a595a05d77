package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.cajal.api.run.Provenance;
import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.RunFolders;
import org.cajal.runtime.internal.folder.RunProvenance;

/**
 * Checks a run's model.zip before {@code cajal predict} loads it, so that a damaged file or another run's model is
 * refused in Cajal's words rather than the engine's: the file must be a whole zip archive (every entry matching its
 * checksum) holding a layer-stack network, and it must be the file the run saved, whose SHA-256 provenance.json
 * records (runs from before that record have none: {@link #belongs} then returns a warning).
 */
final class ModelFileCheck {

    /** The entries DL4J's model serializer writes for a network: its configuration and its parameters. */
    static final String CONFIGURATION = "configuration.json";
    static final String COEFFICIENTS = "coefficients.bin";

    private ModelFileCheck() {
    }

    /**
     * Throws a message naming model.zip and what to do when it is missing, not a zip archive, truncated, damaged
     * or holds no network.
     */
    static void readable(Path run) throws IOException {
        Path model = run.resolve(RunFiles.MODEL);
        if (Files.isDirectory(model)) {
            throw new IOException(model + " is a folder, not a model file; " + again(run));
        }
        if (!Files.isRegularFile(model)) {
            throw new IOException(model + " not found: " + run + " is not the folder of a finished run (a run "
                    + "that failed, or was interrupted before its end, has no model; resume or rerun it)");
        }
        if (!Files.isReadable(model)) {
            throw new IOException(model + " cannot be read (permission denied); ask its owner to make it readable");
        }
        if (!startsLikeZip(model)) {
            throw new IOException(model + " is not a model file (a model.zip is a zip archive, this file is not "
                    + "one: it was overwritten or is not complete); " + again(run));
        }
        Set<String> entries = entries(model, run);
        for (String needed : new String[] {CONFIGURATION, COEFFICIENTS}) {
            if (!entries.contains(needed)) {
                throw new IOException(model + " holds no trained network (its '" + needed + "' entry is missing): "
                        + "it is not a model Cajal saved, or it was damaged; " + again(run));
            }
        }
    }

    /**
     * Checks that model.zip is the file the run saved.
     *
     * @return a warning when the run's provenance.json records no hash (a run from an earlier version), else null
     * @throws IOException naming both files when the hashes differ
     */
    static String belongs(Path run) throws IOException {
        Path model = run.resolve(RunFiles.MODEL);
        Path provenanceFile = run.resolve(RunFiles.PROVENANCE);
        if (!Files.isRegularFile(provenanceFile)) {
            return provenanceFile + " not found, so " + model + " cannot be checked against the run that saved it";
        }
        Provenance provenance = RunFolders.provenance(run);
        Map<String, Object> recorded = provenance.object(RunProvenance.MODEL_FILE);
        if (!(recorded.get("sha256") instanceof String expected)) {
            return provenanceFile + " records no SHA-256 of the model (a run saved by an earlier version of Cajal), "
                    + "so " + model + " cannot be checked against the run that saved it";
        }
        String actual = RunProvenance.sha256(model);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IOException(model + " is not the model this run saved: its SHA-256 is " + actual + ", but "
                    + provenanceFile + " records " + expected + " (the file was replaced, for example by another "
                    + "run's model, or changed); put the run's own model.zip back, or predict with the run folder "
                    + "the model comes from");
        }
        return null;
    }

    private static boolean startsLikeZip(Path model) throws IOException {
        try (InputStream in = Files.newInputStream(model)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** The names of the archive's entries, after reading each one through to check it against its checksum. */
    private static Set<String> entries(Path model, Path run) throws IOException {
        try (ZipFile directory = new ZipFile(model.toFile())) {
            directory.size();
        } catch (IOException e) {
            throw new IOException(model + " is truncated or damaged (the end of the zip archive, which lists its "
                    + "entries, is missing or unreadable); " + again(run), e);
        }
        Set<String> names = new HashSet<>();
        String current = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(model))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                current = e.getName();
                in.transferTo(OutputStream.nullOutputStream());
                names.add(current);
            }
        } catch (IOException e) {
            throw new IOException(model + " is damaged: " + (current == null ? "its first entry"
                    : "its entry '" + current + "'") + " cannot be read back as it was written; " + again(run), e);
        }
        return names;
    }

    /** What to do about a model file that cannot be used. */
    private static String again(Path run) {
        return "copy the run folder again from where it was made, or train the model again with cajal run "
                + run.resolve(RunFiles.PIPELINE);
    }
}
