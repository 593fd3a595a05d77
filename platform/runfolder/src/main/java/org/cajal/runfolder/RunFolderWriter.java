package org.cajal.runfolder;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunFiles;

/**
 * One run's folder, for writing: created with a unique name {@code <yyyyMMdd-HHmmss>-<pipeline name>[-k]}, every
 * file written through {@link AtomicFiles}.
 */
public final class RunFolderWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path folder;

    private RunFolderWriter(Path folder) {
        this.folder = folder;
    }

    /** Creates a new, uniquely named folder under {@code runs} (another run of the same second gets a suffix). */
    public static RunFolderWriter create(Path runs, String pipelineName, LocalDateTime now) throws IOException {
        Files.createDirectories(runs);
        String base = STAMP.format(now) + "-" + slug(pipelineName);
        for (int k = 1; ; k++) {
            Path candidate = runs.resolve(k == 1 ? base : base + "-" + k);
            try {
                return new RunFolderWriter(Files.createDirectory(candidate));
            } catch (FileAlreadyExistsException e) {
                // another run started in the same second: try the next suffix
            }
        }
    }

    /** Writes into an existing folder (a run folder's fold, a test's fixture). */
    public static RunFolderWriter at(Path folder) throws IOException {
        return new RunFolderWriter(Files.createDirectories(folder));
    }

    /** The sub-folder of fold {@code k} (1-based). */
    public RunFolderWriter fold(int k) throws IOException {
        return at(folder.resolve(RunFiles.foldFolder(k)));
    }

    public Path path() {
        return folder;
    }

    /** The run id: the folder's name. */
    public String id() {
        return folder.getFileName().toString();
    }

    public void writeText(String name, String text) throws IOException {
        AtomicFiles.write(folder.resolve(name), text);
    }

    /** Writes a value as pretty-printed JSON. */
    public void writeJson(String name, Object value) throws IOException {
        Json.write(folder.resolve(name), value);
    }

    /** Writes a file through a callback that fills a temporary path (e.g. DL4J's ModelSerializer). */
    public void writeWith(String name, AtomicFiles.Content content) throws IOException {
        AtomicFiles.write(folder.resolve(name), content);
    }

    /** Writes metrics.csv. */
    public void writeMetrics(MetricsTable table) throws IOException {
        writeText(RunFiles.METRICS, RunFolders.metricsText(table));
    }

    /** A folder-name-safe form of a pipeline name: lower case, runs of other characters as one dash, 40 at most. */
    public static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.isEmpty() ? "run" : s;
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
