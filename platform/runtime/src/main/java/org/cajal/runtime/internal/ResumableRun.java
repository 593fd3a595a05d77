package org.cajal.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolderWriter;
import org.cajal.runfolder.RunFolders;
import org.cajal.runfolder.RunLock;
import org.cajal.runtime.internal.folder.DataFingerprint;
import org.cajal.runtime.internal.folder.RunProvenance;
import org.cajal.runtime.internal.pipeline.PipelineReader;

/**
 * An interrupted run, checked and locked for resuming: its folder holds pipeline.json and provenance.json, its
 * status is interrupted (recorded running, lock free), it was started with checkpoints, and this process now holds
 * its lock. Anything else is refused with what to do instead. The pipeline is read back from pipeline.json with the
 * seed and base folder the run recorded, so the plan (dataset, splits, preprocessing) is the one it trained on.
 *
 * @param provenance the recorded provenance, to go on with
 * @param dataSha256 the SHA-256 of the examples the run trained on (provenance.json's {@code data.sha256}), or null
 */
record ResumableRun(Path folder, PipelineDocument document, Pipeline pipeline, RunProvenance provenance,
                    RunLock lock, String dataSha256) {

    /** Checks the folder and takes its lock; the caller releases the lock should it not start the run. */
    static ResumableRun open(Path given, Instant now) throws PipelineException {
        Path folder = given.toAbsolutePath().normalize();
        String id = String.valueOf(folder.getFileName());
        if (!Files.isDirectory(folder)) {
            throw refused(given, "there is no run folder at " + given + "; give a run folder, e.g. one that "
                    + "cajal runs lists");
        }
        if (!Files.isRegularFile(folder.resolve(RunFiles.PROVENANCE))
                || !Files.isRegularFile(folder.resolve(RunFiles.PIPELINE))) {
            throw refused(given, given + " is not a run folder (it has no " + RunFiles.PROVENANCE + " or "
                    + RunFiles.PIPELINE + ")");
        }
        Map<String, Object> recorded;
        try {
            recorded = Json.readObject(folder.resolve(RunFiles.PROVENANCE));
        } catch (IOException | RuntimeException e) {
            throw refused(given, folder.resolve(RunFiles.PROVENANCE) + " cannot be read (" + e.getMessage()
                    + "); the run cannot be resumed: run " + folder.resolve(RunFiles.PIPELINE) + " again");
        }
        checkStatus(folder, id);
        if (!(recorded.get("checkpoints") instanceof Map<?, ?>)) {
            throw refused(given, "run " + id + " has no checkpoints (it trains an architecture, such as transformer "
                    + "or gan, which cannot save them yet, or it was run by an older Cajal), so it cannot be "
                    + "resumed: run its pipeline again with: cajal run " + folder.resolve(RunFiles.PIPELINE));
        }
        RunLock lock;
        try {
            lock = RunLock.hold(folder);
        } catch (IOException e) {
            throw refused(given, "run " + id + " is being run by another process (it holds " + RunFiles.LOCK
                    + "); wait for it to end");
        }
        try {
            PipelineDocument document = document(folder, recorded);
            Pipeline pipeline = recorded.get("seed") instanceof Number seed
                    ? document.pipeline().withSeed(seed.longValue()) : document.pipeline();
            removeTemporaryFiles(folder);
            String data = recorded.get("data") instanceof Map<?, ?> m && m.get("sha256") instanceof String h ? h
                    : null;
            return new ResumableRun(folder, document, pipeline, RunProvenance.resumed(recorded, now), lock, data);
        } catch (PipelineException | IOException | RuntimeException e) {
            release(lock);
            if (e instanceof PipelineException p) {
                throw p;
            }
            throw refused(given, "run " + id + " cannot be resumed: " + e.getMessage());
        }
    }

    /**
     * Refuses when the dataset's examples are no longer those the run trained on (a data file was changed or
     * replaced): the resumed epochs would learn from other data than the first ones.
     */
    void checkData(Dataset dataset) throws PipelineException, DatasetException, IOException {
        if (dataSha256 == null) {
            return;
        }
        Object now = DataFingerprint.of(dataset, List.of()).get("sha256");
        if (!dataSha256.equals(now)) {
            throw refused(folder, "the data of run " + folder.getFileName() + " has changed since it started (the "
                    + "SHA-256 of its examples is not provenance.json's data.sha256): resuming would train on other "
                    + "data; put the data back as it was, or run the pipeline again");
        }
    }

    RunFolderWriter writer() throws IOException {
        return RunFolderWriter.at(folder);
    }

    private static void checkStatus(Path folder, String id) throws PipelineException {
        Optional<RunStatus> status = RunFolders.status(folder);
        if (status.isEmpty()) {
            throw refused(folder, "run " + id + " records no status in " + RunFiles.PROVENANCE
                    + "; it cannot be resumed: run " + folder.resolve(RunFiles.PIPELINE) + " again");
        }
        switch (status.get()) {
            case INTERRUPTED -> { }
            case RUNNING -> throw refused(folder, "run " + id + " is still running in another process (it holds "
                    + RunFiles.LOCK + "); wait for it to end, or stop that process first");
            default -> throw refused(folder, "run " + id + " has ended (" + status.get().id() + "); only an "
                    + "interrupted run can be resumed");
        }
    }

    /** pipeline.json as the run read it: relative file parameters against the folder the run recorded. */
    private static PipelineDocument document(Path folder, Map<String, Object> recorded)
            throws PipelineException, IOException {
        Path base = recorded.get("baseDirectory") instanceof String s ? Path.of(s) : folder;
        String text = Files.readString(folder.resolve(RunFiles.PIPELINE), StandardCharsets.UTF_8);
        return new PipelineReader().parse(text, folder.resolve(RunFiles.PIPELINE).toString(), base);
    }

    /** Temporary files a killed writer left ({@code .name.123.tmp}), in the run folder and its folds. */
    static void removeTemporaryFiles(Path folder) throws IOException {
        try (var paths = Files.walk(folder, 2)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void release(RunLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the lock file stays behind, unlocked
        }
    }

    private static PipelineException refused(Path run, String message) {
        return new PipelineException(run.toString(), new Problem("resume", message));
    }
}
