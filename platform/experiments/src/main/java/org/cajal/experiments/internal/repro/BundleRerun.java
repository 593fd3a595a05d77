package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.train.TrainingListener;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Reproducibility.Rerun;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * Reruns a bundle: unpacks it into a temporary folder, points the pipeline's data parameters at the bundled copies
 * (kept in {@code <runs>/bundle-data/} so the new run folders' pipeline.json stay runnable) or at the original
 * files when they were too large to bundle and still have the same SHA-256, runs every run with its seed one after
 * the other, and compares the numbers ({@link RunComparison}).
 */
final class BundleRerun {

    /** Where bundled data files are unpacked for reruns, inside the runs directory. */
    static final String DATA_FOLDER = "bundle-data";

    private final PipelineFormat format;
    private final PipelineExecutor executor;

    BundleRerun(PipelineFormat format, PipelineExecutor executor) {
        this.format = format;
        this.executor = executor;
    }

    Rerun rerun(Path zip, Path runsDirectory, ExperimentListener listener) throws IOException, PipelineException {
        ExperimentListener events = listener == null ? ExperimentListener.NONE : listener;
        Path bundleFile = zip.toAbsolutePath().normalize();
        if (!Files.isRegularFile(bundleFile)) {
            throw new IOException(bundleFile + ": file not found");
        }
        Path unpacked = Files.createTempDirectory("cajal-rerun-");
        try {
            unzip(bundleFile, unpacked);
            Path json = unpacked.resolve(BundleWriter.BUNDLE_JSON);
            if (!Files.isRegularFile(json)) {
                throw new IOException(bundleFile + " is not a Cajal bundle (no bundle.json at its root)");
            }
            BundleManifest bundle = BundleManifest.read(json, bundleFile + "!" + BundleWriter.BUNDLE_JSON);
            List<BundleManifest.Run> runs = bundle.runs();
            Files.createDirectories(runsDirectory);
            List<String> differences = new ArrayList<>();
            boolean identical = true;
            Path lastFolder = runsDirectory;
            for (int i = 0; i < runs.size(); i++) {
                BundleManifest.Run entry = runs.get(i);
                Path original = unpacked.resolve(entry.folder()).normalize();
                if (!original.startsWith(unpacked) || !Files.isRegularFile(original.resolve(RunFiles.PIPELINE))) {
                    throw new IOException(bundleFile + ": run " + entry.id() + " has no pipeline.json in the bundle "
                            + "(bundle.json's $.runs[" + i + "].folder is " + entry.folder() + "); "
                            + BundleManifest.remake());
                }
                OptionalLong seed = OptionalLong.of(entry.seed());
                events.trialStarted(i + 1, runs.size(), Map.of(), entry.seed());
                String source = bundleFile + "!" + entry.folder() + RunFiles.PIPELINE;
                String text = pipelineText(original, entry, bundleFile, unpacked, runsDirectory, source);
                PipelineDocument doc = format.parse(text, source, baseDirectory(original));
                RunHandle handle = executor.start(doc, new RunOptions(runsDirectory, seed), TrainingListener.none());
                events.message("rerunning " + entry.id() + " as " + handle.runId());
                RunResult result = await(handle);
                RunComparison comparison = RunComparison.compare(original, handle.folder(),
                        runs.size() > 1 ? entry.id() + ": " : "");
                identical &= comparison.identical();
                differences.addAll(comparison.differences());
                lastFolder = handle.folder();
                events.trialFinished(new Trial(i + 1, Map.of(), entry.seed(), handle.folder(),
                        (result.cancelled() ? RunStatus.CANCELLED : RunStatus.FINISHED).id(), Double.NaN,
                        RunOutcome.metrics(RunFolders.evaluation(handle.folder()).values()), Map.of(), Map.of(), null));
            }
            return new Rerun(bundleFile, runs.size() == 1 ? lastFolder : runsDirectory, identical,
                    List.copyOf(differences));
        } finally {
            deleteQuietly(unpacked);
        }
    }

    /** The original base directory when it still exists (other relative paths), else the unpacked run folder. */
    private static Path baseDirectory(Path original) throws IOException {
        String base = RunFolders.provenance(original).text("baseDirectory").orElse(null);
        if (base != null && Files.isDirectory(Path.of(base))) {
            return Path.of(base);
        }
        return original;
    }

    /** The pipeline text with its data parameters pointing at the bundled copies or the checked originals. */
    private static String pipelineText(Path original, BundleManifest.Run entry, Path bundleFile, Path unpacked,
                                       Path runsDirectory, String source) throws IOException, PipelineException {
        String text = Files.readString(original.resolve(RunFiles.PIPELINE), StandardCharsets.UTF_8);
        if (entry.dataFiles().isEmpty()) {
            return text;
        }
        JsonNode root;
        try {
            root = Json.PRETTY.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return text; // the pipeline reader names the line, column and fix
        }
        if (!(root.path("dataset").path("params") instanceof ObjectNode params)) {
            return text;
        }
        for (BundleManifest.DataFile f : entry.dataFiles()) {
            String param = f.param();
            String sha = f.sha256();
            String entryName = f.entry();
            Path path;
            if (entryName != null) {
                Path copy = unpacked.resolve(entryName).normalize();
                if (!copy.startsWith(unpacked) || !Files.isRegularFile(copy)) {
                    throw new IOException(bundleFile + ": the data file " + entryName + " is missing from the bundle");
                }
                if (!sha.equalsIgnoreCase(DataFiles.sha256(copy))) {
                    throw new IOException(bundleFile + ": the bundled data file " + entryName
                            + " does not match its SHA-256 in bundle.json (the bundle is damaged)");
                }
                path = keep(copy, runsDirectory.resolve(DATA_FOLDER), sha);
            } else {
                path = Path.of(f.path());
                String location = "$.dataset.params." + param;
                if (!Files.isRegularFile(path)) {
                    throw new PipelineException(source, new Problem(location, "the data file " + path
                            + " was too large to bundle and is not there any more; put it back (SHA-256 " + sha + ")"));
                }
                String now = DataFiles.sha256(path);
                if (!now.equalsIgnoreCase(sha)) {
                    throw new PipelineException(source, new Problem(location, "the data file " + path
                            + " has changed since the bundle was made (SHA-256 " + sha + " then, " + now
                            + " now); restore the original file to reproduce the run"));
                }
            }
            params.put(param, path.toAbsolutePath().toString());
        }
        return Json.PRETTY.writeValueAsString(root);
    }

    /** Copies a bundled data file to the data folder (once per content) and returns the copy. */
    private static Path keep(Path copy, Path dataFolder, String sha) throws IOException {
        Files.createDirectories(dataFolder);
        Path target = dataFolder.resolve(copy.getFileName().toString());
        if (Files.isRegularFile(target) && sha.equals(DataFiles.sha256(target))) {
            return target;
        }
        Path tmp = Files.createTempFile(dataFolder, "." + copy.getFileName(), ".tmp");
        try {
            Files.copy(copy, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static RunResult await(RunHandle handle) throws IOException, PipelineException {
        try {
            return handle.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("rerun interrupted; run " + handle.runId() + " cancelled", e);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e.getCause());
        }
    }

    /** Unpacks a zip; an entry that would land outside the folder is refused. */
    static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(zip + ": entry " + e.getName() + " points outside the bundle; refused");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(new NonClosing(in), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new IOException(zip + " is not a complete zip file (truncated or damaged); copy it again, or make "
                    + "the bundle again with cajal bundle RUN_FOLDER", e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            AtomicFiles.deleteTree(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Lets Files.copy read one zip entry without closing the zip stream. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
