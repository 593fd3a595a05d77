package org.cajal.workbench;

import java.awt.Component;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

import javax.swing.JFileChooser;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.FieldProblems;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.Workbench;

/**
 * The window's pipeline files: New, Open (read by the runtime off the event-dispatch thread), Save and Save As
 * (written atomically in batch mode's format), the unsaved-changes question, the recent files (kept in the
 * preferences) and the shipped examples (opened as copies). Owns the File menu's "Open Recent" and "Examples"
 * submenus. Event-dispatch thread.
 *
 * <p>Swing names: {@code menu.recent}, {@code recent.<file name>}, {@code menu.examples}, {@code example.<name>}.
 */
final class PipelineFiles {

    private static final int MAX_RECENT = 8;
    private static final String PREF_RECENT = "recentFiles";

    private final Workbench workbench;
    private final Preferences prefs;
    private final Component parent;
    private final Notifier notifier;
    private final JMenu recentMenu = new JMenu("Open Recent");
    private final JMenu examplesMenu = new JMenu("Examples");
    private List<Path> shownRecent;
    private List<Path> shownExamples;

    PipelineFiles(Workbench workbench, Preferences prefs, Component parent, Notifier notifier) {
        this.workbench = workbench;
        this.prefs = prefs;
        this.parent = parent;
        this.notifier = notifier;
        recentMenu.setName("menu.recent");
        examplesMenu.setName("menu.examples");
    }

    JMenu recentMenu() {
        return recentMenu;
    }

    JMenu examplesMenu() {
        return examplesMenu;
    }

    void newPipeline() {
        if (!confirmDiscard()) {
            return;
        }
        workbench.pipeline().replace(emptyPipeline(workbench.catalog()), null);
        workbench.selection().clear();
        notifier.status("New pipeline: choose a dataset, add layers from the palette, then Train.");
    }

    /**
     * A pipeline to start from, small enough to train in seconds and to watch in the live view: the first installed
     * synthetic dataset that needs no file (else the first that needs none), a hidden layer of 8 tanh units when a
     * dense layer is installed, the output layer, Adam at 0.01 (a rate that converges on the shipped examples), 40
     * epochs. Nothing here names a dataset: they come from the catalog.
     */
    static Pipeline emptyPipeline(Catalog catalog) {
        java.util.function.Predicate<Catalog.Entry> noFile = e -> e.descriptor().parameters().stream()
                .noneMatch(p -> p.required());
        String dataset = catalog.of(ComponentKind.DATASET).stream().filter(noFile)
                .filter(e -> e.descriptor().category().toLowerCase(java.util.Locale.ROOT).startsWith("synthetic"))
                .map(Catalog.Entry::id).findFirst()
                .orElse(catalog.of(ComponentKind.DATASET).stream().filter(noFile).map(Catalog.Entry::id)
                        .findFirst().orElse("csv"));
        List<String> layerTypes = catalog.of(ComponentKind.LAYER_TYPE).stream().map(Catalog.Entry::id).toList();
        String layer = layerTypes.contains("output") ? "output" : layerTypes.stream().findFirst().orElse("output");
        List<ComponentRef> layers = layerTypes.contains("dense")
                ? List.of(new ComponentRef("dense", java.util.Map.of("units", 8, "activation", "tanh")),
                        ComponentRef.of(layer))
                : List.of(ComponentRef.of(layer));
        String optimizer = catalog.of(ComponentKind.OPTIMIZER).stream().map(Catalog.Entry::id)
                .filter(id -> id.equals("adam")).findFirst()
                .orElse(catalog.of(ComponentKind.OPTIMIZER).stream().map(Catalog.Entry::id).findFirst().orElse("adam"));
        ComponentRef optimizerRef = optimizer.equals("adam")
                ? new ComponentRef(optimizer, java.util.Map.of("learningRate", 0.01)) : ComponentRef.of(optimizer);
        return new Pipeline(Pipeline.SCHEMA_VERSION, "untitled", "", Pipeline.DEFAULT_SEED,
                ComponentRef.of(dataset), List.of(), SplitSpec.DEFAULT,
                new ModelSpec(ModelSpec.LAYER_STACK, null, layers),
                new TrainingSpec("categorical-cross-entropy", optimizerRef, 40, 32));
    }

    void chooseAndOpen() {
        if (!confirmDiscard()) {
            return;
        }
        JFileChooser chooser = new JFileChooser(workbench.pipeline().baseDirectory().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("Pipeline files (*.json)", "json"));
        if (chooser.showOpenDialog(parent) == JFileChooser.APPROVE_OPTION) {
            open(chooser.getSelectedFile().toPath());
        }
    }

    /** Opens a pipeline file; a file that does not read shows the runtime's message and changes nothing. */
    void open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        notifier.status("Opening " + path + "…");
        try {
            // reading and checking the file is I/O: off the event-dispatch thread
            workbench.background().execute(() -> {
                try {
                    PipelineDocument doc = workbench.runtime().format().read(path);
                    SwingUtilities.invokeLater(() -> opened(path, doc));
                } catch (PipelineException e) {
                    notifier.error("Cannot open " + path.getFileName(), e.getMessage());
                } catch (RuntimeException e) {
                    notifier.error("Cannot open " + path.getFileName(), String.valueOf(e.getMessage()));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            notifier.status("The workbench is closing.");
        }
    }

    private void opened(Path path, PipelineDocument doc) {
        boolean example = path.startsWith(workbench.examplesDirectory().toAbsolutePath().normalize());
        boolean stored = path.startsWith(workbench.runsDirectory().toAbsolutePath().normalize());
        Pipeline pipeline = doc.pipeline();
        if (stored && path.getFileName().toString().equals(ExperimentFiles.BEST_PIPELINE)
                && !workbench.pipeline().get().search().isEmpty()) {
            // a search's best trial: its settings, with the search the user wrote (not the one the trial recorded)
            pipeline = pipeline.withSearch(workbench.pipeline().get().search());
        }
        // an example, or a file of the run store, opens as a copy: saving asks where, so the original stays; its
        // data files are named by their full path, so the copy finds them wherever it is saved
        if (example || stored) {
            pipeline = Pipelines.withDataset(pipeline, absoluteFiles(pipeline.dataset(), path.getParent()));
        }
        workbench.pipeline().replace(pipeline, example || stored ? null : path);
        workbench.selection().clear();
        if (!example && !stored) {
            remember(path);
        }
        notifier.status("Opened " + path + (example ? " (an example: Save asks where to keep your copy)"
                : stored ? " (read-only, from the run store: Save asks where to keep your copy)" : ""));
    }

    /** The dataset's file parameters resolved against {@code folder} where they are relative. */
    private ComponentRef absoluteFiles(ComponentRef dataset, Path folder) {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(dataset.params());
        workbench.catalog().descriptor(ComponentKind.DATASET, dataset.type()).ifPresent(d -> d.parameters().stream()
                .filter(spec -> spec.kind() == org.cajal.api.ParameterKind.FILE)
                .forEach(spec -> {
                    if (params.get(spec.key()) instanceof String f && !f.isBlank() && !Path.of(f).isAbsolute()) {
                        params.put(spec.key(), folder.resolve(f).normalize().toString());
                    }
                }));
        return new ComponentRef(dataset.type(), params);
    }

    void save(boolean askWhere) {
        if (FieldProblems.refuse(workbench, parent, "Save")) {
            return;
        }
        PipelineModel model = workbench.pipeline();
        Path target = askWhere ? null : model.file().orElse(null);
        if (target == null) {
            JFileChooser chooser = new JFileChooser(model.baseDirectory().toFile());
            chooser.setFileFilter(new FileNameExtensionFilter("Pipeline files (*.json)", "json"));
            chooser.setSelectedFile(model.baseDirectory().resolve(safeName(model.get().name()) + ".json").toFile());
            if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            target = chooser.getSelectedFile().toPath();
            if (!target.getFileName().toString().contains(".")) {
                target = target.resolveSibling(target.getFileName() + ".json");
            }
        }
        saveTo(target);
    }

    /** Writes the pipeline in batch mode's format (atomically); true if written. */
    private boolean saveTo(Path target) {
        Path path = target.toAbsolutePath().normalize();
        try {
            AtomicFiles.write(path, workbench.runtime().format().format(workbench.pipeline().get()));
        } catch (IOException | RuntimeException e) {
            notifier.error("Cannot save " + path.getFileName(), "Writing " + path + " failed: " + e.getMessage()
                    + "\nChoose another folder with File > Save As.");
            return false;
        }
        workbench.pipeline().saved(path);
        remember(path);
        notifier.status("Saved " + path);
        return true;
    }

    private static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isBlank() ? "pipeline" : s;
    }

    /** Asks about unsaved changes (saving them on Yes); true when the pipeline may be replaced. */
    boolean confirmDiscard() {
        if (!workbench.pipeline().dirty()) {
            return true;
        }
        int answer = JOptionPane.showConfirmDialog(parent,
                "The pipeline '" + workbench.pipeline().get().name() + "' has unsaved changes. Save them first?",
                "Unsaved changes", JOptionPane.YES_NO_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer == JOptionPane.YES_OPTION) {
            save(false);
            return !workbench.pipeline().dirty();
        }
        return answer == JOptionPane.NO_OPTION;
    }

    private List<Path> recent() {
        String stored = prefs.get(PREF_RECENT, "");
        return Arrays.stream(stored.split("\n")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private void remember(Path file) {
        List<Path> list = new ArrayList<>(recent());
        list.remove(file);
        list.add(0, file);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        prefs.put(PREF_RECENT, list.stream().map(Path::toString).collect(Collectors.joining("\n")));
        fillRecent();
    }

    void fillRecent() {
        List<Path> files = recent();
        if (files.equals(shownRecent)) {
            return; // unchanged: keep the items (a menu rebuilt while it opens loses the click)
        }
        shownRecent = files;
        recentMenu.removeAll();
        for (Path p : files) {
            JMenuItem item = new JMenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setName("recent." + p.getFileName());
            item.addActionListener(e -> {
                if (confirmDiscard()) {
                    open(p);
                }
            });
            recentMenu.add(item);
        }
        recentMenu.setEnabled(!files.isEmpty());
    }

    void fillExamples() {
        List<Path> examples = new ArrayList<>();
        Path dir = workbench.examplesDirectory();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
                s.forEach(examples::add);
            } catch (IOException e) {
                notifier.status("Cannot list " + dir + ": " + e.getMessage());
            }
        }
        examples.sort(null);
        if (examples.equals(shownExamples)) {
            return;
        }
        shownExamples = examples;
        examplesMenu.removeAll();
        for (Path p : examples) {
            String name = p.getFileName().toString().replaceFirst("\\.json$", "");
            JMenuItem item = new JMenuItem(name);
            item.setName("example." + name);
            item.addActionListener(e -> {
                if (confirmDiscard()) {
                    open(p);
                }
            });
            examplesMenu.add(item);
        }
        examplesMenu.setEnabled(!examples.isEmpty());
    }
}
