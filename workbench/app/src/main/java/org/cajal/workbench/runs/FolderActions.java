package org.cajal.workbench.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.swing.JButton;
import javax.swing.SwingUtilities;

import org.cajal.experiments.RunStore;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Workbench;

/**
 * The runs view's Tag… and Delete buttons: tags added and removed, and folders deleted after a confirmation naming
 * them, through the experiments bundle's run store. Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.tag}, {@code runs.delete}.
 */
final class FolderActions {

    private final RunsPanel view;
    private final Workbench workbench;
    private final JButton tag = new JButton("Tag…");
    private final JButton delete = new JButton("Delete");

    FolderActions(RunsPanel view, Workbench workbench) {
        this.view = view;
        this.workbench = workbench;
        tag.setName("runs.tag");
        tag.addActionListener(e -> tagSelected());
        delete.setName("runs.delete");
        delete.addActionListener(e -> deleteSelected());
    }

    JButton tag() {
        return tag;
    }

    JButton delete() {
        return delete;
    }

    /** Enables the buttons for a selection of n rows. */
    void update(int n, boolean store) {
        RunsPanel.enable(tag, store, n >= 1, "Add or remove tags of the selected runs",
                "Select one or more runs to tag");
        RunsPanel.enable(delete, store, n >= 1, "Delete the selected run and experiment folders (asks first)",
                "Select the runs to delete");
    }

    private void tagSelected() {
        List<RunRow> runs = view.selectedRuns();
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (runs.isEmpty() || store == null) {
            return;
        }
        String current = runs.stream().flatMap(r -> r.tags().stream()).distinct().collect(Collectors.joining(", "));
        String answer = workbench.dialogs().input(view.component(), "Tag runs",
                "Tags to add to " + names(runs) + ", comma separated; write -name to remove a tag."
                        + (current.isEmpty() ? "" : "\nNow: " + current), "");
        RunListing.TagEdit edit = RunListing.TagEdit.parse(answer);
        if (answer == null || edit.isEmpty()) {
            return;
        }
        List<Path> folders = runs.stream().map(r -> r.run().folder()).toList();
        view.background(() -> {
            List<String> failed = new ArrayList<>();
            for (Path folder : folders) {
                try {
                    store.tag(folder, edit.add(), edit.remove());
                } catch (IOException | RuntimeException e) {
                    failed.add(folder.getFileName() + ": " + Messages.of(e));
                }
            }
            if (!failed.isEmpty()) {
                workbench.notifier().error("Cannot tag", String.join("\n", failed));
            }
            SwingUtilities.invokeLater(view::refresh);
        });
    }

    private void deleteSelected() {
        List<RunRow> runs = view.selectedRuns();
        RunStore store = workbench.experiments().runStore().orElse(null);
        if (runs.isEmpty() || store == null) {
            return;
        }
        String list = runs.stream().map(r -> "  " + r.run().folder()).collect(Collectors.joining("\n"));
        if (!workbench.dialogs().confirm(view.component(), "Delete runs", "Delete " + (runs.size() == 1 ? "this folder"
                : "these " + runs.size() + " folders") + " and everything in them?\n" + list
                + "\nThis cannot be undone.")) {
            return;
        }
        List<Path> folders = runs.stream().map(r -> r.run().folder()).toList();
        view.background(() -> {
            List<String> failed = new ArrayList<>();
            for (Path folder : folders) {
                try {
                    store.delete(folder);
                } catch (IOException | RuntimeException e) {
                    failed.add(folder + ": " + Messages.of(e));
                }
            }
            if (!failed.isEmpty()) {
                workbench.notifier().error("Cannot delete", String.join("\n", failed));
            } else {
                workbench.notifier().status("Deleted " + folders.size() + (folders.size() == 1 ? " folder"
                        : " folders"));
            }
            SwingUtilities.invokeLater(view::refresh);
        });
    }

    private static String names(List<RunRow> runs) {
        return runs.size() == 1 ? runs.get(0).run().runId() : runs.size() + " runs";
    }
}
