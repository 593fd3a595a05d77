package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.cajal.api.run.Provenance;
import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.api.visual.Drawing;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.internal.exec.RunOutcome;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The run store over the folders of a runs directory: run folders (with provenance.json) and experiment folders
 * (with experiment.json). Reads what is on disk every time; holds no state but the default directory.
 */
@Component(service = RunStore.class)
public class DefaultRunStore implements RunStore {

    private Path directory = CajalProperties.runsDirectory(System::getProperty);

    public DefaultRunStore() {
    }

    /** A store whose default directory is {@code directory} (tests, other components). */
    public DefaultRunStore(Path directory) {
        this.directory = directory;
    }

    @Activate
    void activate(BundleContext context) {
        directory = CajalProperties.runsDirectory(context::getProperty);
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public List<StoredRun> list(Path dir, Filter filter) throws IOException {
        Filter f = filter == null ? Filter.ALL : filter;
        List<StoredRun> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(p -> RunFolders.isRun(p) || RunFolders.isExperiment(p)).sorted().toList();
        }
        for (Path child : children) {
            StoredRun run = describe(child);
            if (matches(run, f)) {
                runs.add(run);
            }
        }
        runs.sort(Comparator.comparing(StoredRun::start).reversed().thenComparing(StoredRun::id));
        return runs;
    }

    /** A run or experiment folder as listed; an unreadable file shows as status "unreadable". */
    public StoredRun describe(Path folder) throws IOException {
        Path f = folder.toAbsolutePath().normalize();
        String id = f.getFileName().toString();
        Set<String> tags = tags(f);
        try {
            if (RunFolders.isExperiment(f)) {
                Map<String, Object> experiment = ExperimentFiles.experiment(f);
                return new StoredRun(f, id, ExperimentFiles.kind(experiment), orEmpty(ExperimentFiles.pipelineName(experiment)),
                        instant(FolderFiles.string(experiment, "created"), f), ExperimentFiles.status(f, experiment),
                        tags, ExperimentFiles.headline(f, experiment));
            }
            if (RunFolders.isRun(f)) {
                Provenance provenance = RunFolders.provenance(f);
                Map<String, Object> values = provenance.values();
                return new StoredRun(f, provenance.runId().orElse(id), "run",
                        orEmpty(FolderFiles.string(values, "pipeline")),
                        instant(FolderFiles.string(values, "start"), f),
                        RunFolders.status(f, provenance).map(RunStatus::id)
                                .orElse(orEmpty(FolderFiles.string(values, "status"))),
                        tags,
                        RunOutcome.metrics(RunFolders.evaluation(f).values()));
            }
        } catch (IOException e) {
            return new StoredRun(f, id, RunFolders.isExperiment(f) ? "experiment" : "run", "",
                    instant(null, f), "unreadable", tags, Map.of());
        }
        throw new IOException(f + " is neither a run folder (no provenance.json) nor an experiment folder (no "
                + org.cajal.api.run.ExperimentFiles.EXPERIMENT + ")");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Instant instant(String text, Path folder) throws IOException {
        if (text != null) {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                // fall back to the folder's time
            }
        }
        return Files.getLastModifiedTime(folder).toInstant();
    }

    static boolean matches(StoredRun run, Filter f) {
        if (f.text() != null && !f.text().isBlank()) {
            String t = f.text().toLowerCase(Locale.ROOT);
            if (!run.id().toLowerCase(Locale.ROOT).contains(t) && !run.pipeline().toLowerCase(Locale.ROOT).contains(t)) {
                return false;
            }
        }
        if (f.tags() != null && !run.tags().containsAll(f.tags())) {
            return false;
        }
        if (f.status() != null && !f.status().isBlank() && !f.status().equalsIgnoreCase(run.status())) {
            return false;
        }
        return f.kind() == null || f.kind().isBlank() || f.kind().equalsIgnoreCase(run.kind());
    }

    /** A folder's tags (tags.json), in the order they were added. */
    public static Set<String> tags(Path folder) throws IOException {
        return new LinkedHashSet<>(RunFolders.tags(folder));
    }

    @Override
    public Set<String> tag(Path folder, Collection<String> add, Collection<String> remove) throws IOException {
        requireRunOrExperiment(folder);
        Set<String> tags = tags(folder);
        for (String t : add == null ? List.<String>of() : add) {
            tags.add(checkTag(t));
        }
        for (String t : remove == null ? List.<String>of() : remove) {
            tags.remove(t == null ? "" : t.strip());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tags", new ArrayList<>(tags));
        AtomicFiles.write(folder.resolve(RunFiles.TAGS), Json.PRETTY.writeValueAsBytes(json));
        return tags;
    }

    /** A tag trimmed; empty tags and tags with commas are refused with a message saying so. */
    static String checkTag(String tag) {
        String t = tag == null ? "" : tag.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("a tag cannot be empty");
        }
        if (t.contains(",")) {
            throw new IllegalArgumentException("tag '" + t + "' contains a comma; give several tags separately");
        }
        return t;
    }

    static void requireRunOrExperiment(Path folder) throws IOException {
        if (!RunFolders.isRun(folder) && !RunFolders.isExperiment(folder)) {
            throw new IOException(folder + " is neither a run folder (no provenance.json) nor an experiment folder "
                    + "(no " + org.cajal.api.run.ExperimentFiles.EXPERIMENT + ")");
        }
    }

    @Override
    public void delete(Path folder) throws IOException {
        requireRunOrExperiment(folder);
        if (RunFolders.isRun(folder) && RunFolders.status(folder).orElse(null) == RunStatus.RUNNING) {
            throw new IOException(folder + " is still running (provenance.json says \"status\": \"running\"); stop "
                    + "it first (if its process was killed, the status stays \"running\": delete the folder by hand)");
        }
        if (RunFolders.isExperiment(folder)) {
            for (Path run : ExperimentFiles.runFolders(folder)) {
                if (RunFolders.status(run).orElse(null) == RunStatus.RUNNING) {
                    throw new IOException(folder + " has a run that is still running (" + run.getFileName()
                            + "); stop the experiment first");
                }
            }
        }
        AtomicFiles.deleteTree(folder);
    }

    @Override
    public List<List<String>> compare(List<Path> folders) throws IOException {
        List<String> names = new ArrayList<>();
        List<Map<String, Double>> metrics = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (Path folder : folders) {
            StoredRun run = describe(folder);
            names.add(run.id());
            metrics.add(run.metrics());
            columns.addAll(run.metrics().keySet());
        }
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("run");
        header.addAll(columns);
        table.add(header);
        for (int i = 0; i < names.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(names.get(i));
            for (String c : columns) {
                Double v = metrics.get(i).get(c);
                row.add(v == null ? "" : FolderFiles.format(v));
            }
            table.add(row);
        }
        return table;
    }

    @Override
    public Drawing overlay(List<Path> folders, String column) throws IOException {
        return org.cajal.charts.ChartDrawings.of(OverlayChart.build(folders, column));
    }
}
