package org.cajal.workbench.plugins;

import java.awt.BorderLayout;
import java.awt.Desktop;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.TableRowSorter;

import org.cajal.workbench.core.Workbench;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The "Plugins" tab: every installed bundle with its version, state, where it came from and what it contributes
 * (its components by kind), kept live by a bundle listener; buttons to install a plugin jar, uninstall, start and
 * stop; a filter; and the plugins folder FileInstall watches, with a button to open it.
 *
 * <p>Bundle operations run on {@link Workbench#background()}; their results come back on the event-dispatch thread.
 * The framework, the workbench's own bundle and the distribution's core bundles are refused for stop and uninstall
 * (see {@link BundleRules}); a plugin from {@code plugins/} is uninstalled by deleting its jar, as FileInstall
 * expects.
 */
public final class PluginsPanel {

    private final Workbench workbench;
    private final BundleContext context;
    private final BundleRules rules;
    private final BundleTableModel model = new BundleTableModel();
    private final JTable table = new JTable(model);
    private final TableRowSorter<BundleTableModel> sorter = new TableRowSorter<>(model);
    private final JTextField filter = new JTextField(18);
    private final JButton install = new JButton("Install…");
    private final JButton uninstall = new JButton("Uninstall…");
    private final JButton start = new JButton("Start");
    private final JButton stop = new JButton("Stop");
    private final JButton openFolder = new JButton("Open folder");
    private final JPanel root = new JPanel(new BorderLayout(0, 6));
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    /** Refreshes the table on the event-dispatch thread, coalescing bursts of events. */
    private final BundleListener bundleListener = event -> scheduleRefresh();
    private boolean listening;

    public PluginsPanel(Workbench workbench) {
        this.workbench = workbench;
        this.context = workbench.bundleContext();
        this.rules = new BundleRules(workbench.home(), workbench.pluginsDirectory(), selfId(context));
        build();
        listen(true);
        // the window may be disposed while the framework runs on (and a new window opened): stop listening then
        root.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.DISPLAYABILITY_CHANGED) != 0) {
                listen(root.isDisplayable());
                if (root.isDisplayable()) {
                    refresh();
                }
            }
        });
        workbench.onCatalogChange(this::refresh);
        refresh();
    }

    /** Adds or removes the bundle listener (bundle events arrive on the framework's threads). */
    private void listen(boolean on) {
        if (context == null || on == listening) {
            return;
        }
        try {
            if (on) {
                context.addBundleListener(bundleListener);
            } else {
                context.removeBundleListener(bundleListener);
            }
            listening = on;
        } catch (IllegalStateException stopping) {
            listening = false; // the workbench bundle is stopping: the framework drops its listeners itself
        }
    }

    public JComponent component() {
        return root;
    }

    private static long selfId(BundleContext context) {
        try {
            return context == null ? -1 : context.getBundle().getBundleId();
        } catch (IllegalStateException stopping) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        root.setName("plugins");
        root.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));

        Path folder = workbench.pluginsDirectory();
        JLabel hint = new JLabel("Drop plugin jars into " + folder + " — they appear within seconds.");
        hint.setName("plugins.folder");
        openFolder.setName("plugins.openFolder");
        openFolder.setToolTipText("Open " + folder + " in the file manager");
        openFolder.addActionListener(e -> openFolder());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        top.add(hint);
        top.add(openFolder);

        table.setName("plugins.table");
        table.setRowSorter(sorter);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setAutoCreateRowSorter(false);
        table.setFillsViewportHeight(true);
        int[] widths = {230, 80, 140, 260, 220};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.getSelectionModel().addListSelectionListener(e -> updateButtons());

        filter.setName("plugins.filter");
        filter.setMaximumSize(filter.getPreferredSize());
        filter.setToolTipText("Show only bundles whose name, state, origin or contributions contain this text");
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });

        install.setName("plugins.install");
        install.setToolTipText("Install a plugin jar from a file and start it");
        install.addActionListener(e -> install());
        uninstall.setName("plugins.uninstall");
        uninstall.addActionListener(e -> uninstall());
        start.setName("plugins.start");
        start.addActionListener(e -> start());
        stop.setName("plugins.stop");
        stop.addActionListener(e -> stop());

        JPanel bar = new JPanel();
        bar.setLayout(new BoxLayout(bar, BoxLayout.X_AXIS));
        bar.add(new JLabel("Filter: "));
        bar.add(filter);
        bar.add(Box.createHorizontalStrut(12));
        bar.add(install);
        bar.add(Box.createHorizontalStrut(4));
        bar.add(uninstall);
        bar.add(Box.createHorizontalStrut(4));
        bar.add(start);
        bar.add(Box.createHorizontalStrut(4));
        bar.add(stop);
        bar.add(Box.createHorizontalGlue());

        JPanel north = new JPanel(new BorderLayout(0, 6));
        north.add(top, BorderLayout.NORTH);
        north.add(bar, BorderLayout.SOUTH);
        root.add(north, BorderLayout.NORTH);
        root.add(new JScrollPane(table), BorderLayout.CENTER);
        if (context == null) {
            root.add(new JLabel("The OSGi framework is not available, so no bundles can be listed."),
                    BorderLayout.SOUTH);
        }
        updateButtons();
    }

    private void applyFilter() {
        String text = filter.getText().trim();
        sorter.setRowFilter(text.isEmpty() ? null
                : RowFilter.regexFilter("(?i)" + Pattern.quote(text)));
    }

    private void updateButtons() {
        boolean framework = context != null;
        boolean selected = framework && table.getSelectedRow() >= 0;
        install.setEnabled(framework);
        uninstall.setEnabled(selected);
        start.setEnabled(selected);
        stop.setEnabled(selected);
    }

    // ---------------------------------------------------------------- refresh

    private void scheduleRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            SwingUtilities.invokeLater(() -> {
                refreshPending.set(false);
                refresh();
            });
        }
    }

    /** Rebuilds the rows from the framework and the catalog, keeping the selected bundle selected. */
    void refresh() {
        if (context == null) {
            return;
        }
        Bundle[] bundles;
        try {
            bundles = context.getBundles();
        } catch (IllegalStateException stopping) {
            return; // the workbench bundle is stopping
        }
        long selectedId = selectedRow().map(BundleTableModel.Row::id).orElse(-1L);
        model.setRows(BundleTableModel.rows(bundles, rules, workbench.catalog()));
        int index = model.indexOf(selectedId);
        if (index >= 0) {
            int view = table.convertRowIndexToView(index);
            if (view >= 0) {
                table.getSelectionModel().setSelectionInterval(view, view);
            }
        }
        updateButtons();
    }

    private Optional<BundleTableModel.Row> selectedRow() {
        int view = table.getSelectedRow();
        return view < 0 ? Optional.empty() : Optional.of(model.row(table.convertRowIndexToModel(view)));
    }

    /** The selected bundle, if it is still installed. */
    private Optional<Bundle> selectedBundle() {
        return selectedRow().map(r -> context.getBundle(r.id()));
    }

    // ---------------------------------------------------------------- actions

    private void install() {
        JFileChooser chooser = new JFileChooser(workbench.pluginsDirectory().toFile());
        chooser.setDialogTitle("Install plugin");
        chooser.setFileFilter(new FileNameExtensionFilter("Plugin jars (*.jar)", "jar"));
        if (chooser.showOpenDialog(root) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path jar = chooser.getSelectedFile().toPath().toAbsolutePath();
        workbench.notifier().status("Installing " + jar.getFileName() + "…");
        background(() -> {
            Bundle bundle;
            try {
                bundle = context.installBundle(jar.toFile().toURI().toString());
            } catch (BundleException e) {
                failed("Plugin not installed", "Could not install " + jar + ".\n\n" + BundleErrors.explain(e));
                return;
            }
            String name = BundleRules.name(bundle);
            if (BundleRules.isFragment(bundle)) {
                done("Installed the fragment " + name + "; it attaches to its host when the host is refreshed.");
                return;
            }
            try {
                bundle.start();
                done("Installed and started " + name + " " + bundle.getVersion() + ".");
            } catch (BundleException e) {
                failed("Plugin installed but not started", "'" + name + "' is installed but could not be started; "
                        + "it stays in the list so that you can start it once the cause is fixed, or uninstall it."
                        + "\n\n" + BundleErrors.explain(e));
            }
        });
    }

    private void uninstall() {
        Optional<Bundle> selected = selectedBundle();
        if (selected.isEmpty()) {
            refresh();
            return;
        }
        Bundle bundle = selected.get();
        String name = BundleRules.name(bundle);
        BundleRules.Removal removal = rules.removal(bundle);
        if (removal instanceof BundleRules.Removal.Refused refused) {
            workbench.notifier().error("Cannot uninstall " + name, refused.reason());
        } else if (removal instanceof BundleRules.Removal.DeleteJar delete) {
            deleteJar(name, delete.jar());
        } else {
            uninstallDirectly(bundle, name);
        }
    }

    /** A plugin from plugins/: FileInstall uninstalls it when its jar is deleted. */
    private void deleteJar(String name, Path jar) {
        int answer = JOptionPane.showConfirmDialog(root, "'" + name + "' was installed by FileInstall from the "
                        + "plugins folder:\n" + jar + "\n\nFileInstall keeps the installed plugins in step with that "
                        + "folder, so the way to remove the plugin is to delete its jar; FileInstall then uninstalls "
                        + "it within seconds.\n\nDelete " + jar.getFileName() + " now?", "Uninstall " + name,
                JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE);
        if (answer != JOptionPane.YES_OPTION) {
            return;
        }
        background(() -> {
            try {
                Files.delete(jar);
                done("Deleted " + jar.getFileName() + "; FileInstall uninstalls " + name + ".");
            } catch (IOException e) {
                failed("Plugin jar not deleted", "Could not delete " + jar + ": " + e + "\n\nDelete it by hand "
                        + "(for instance in the file manager); FileInstall then uninstalls the plugin.");
            }
        });
    }

    private void uninstallDirectly(Bundle bundle, String name) {
        int answer = JOptionPane.showConfirmDialog(root, "Uninstall '" + name + "' " + bundle.getVersion()
                        + "?\n\nIts components disappear from the palette; pipelines that use them cannot run until "
                        + "it is installed again.", "Uninstall " + name, JOptionPane.YES_NO_OPTION,
                JOptionPane.QUESTION_MESSAGE);
        if (answer != JOptionPane.YES_OPTION) {
            return;
        }
        background(() -> {
            try {
                bundle.uninstall();
                refreshWiring(bundle);
                done("Uninstalled " + name + ".");
            } catch (BundleException e) {
                failed("Plugin not uninstalled", BundleErrors.explain(e));
            }
        });
    }

    /** Lets the framework drop the uninstalled bundle's packages and rewire the bundles that used them. */
    private void refreshWiring(Bundle uninstalled) {
        Bundle system = context.getBundle(0);
        FrameworkWiring wiring = system == null ? null : system.adapt(FrameworkWiring.class);
        if (wiring != null) {
            wiring.refreshBundles(List.of(uninstalled));
        }
    }

    private void start() {
        Optional<Bundle> selected = selectedBundle();
        if (selected.isEmpty()) {
            refresh();
            return;
        }
        Bundle bundle = selected.get();
        String name = BundleRules.name(bundle);
        Optional<String> refusal = rules.refuseStart(bundle);
        if (refusal.isPresent()) {
            workbench.notifier().status(refusal.get());
            return;
        }
        background(() -> {
            try {
                bundle.start();
                done("Started " + name + ".");
            } catch (BundleException e) {
                failed("Could not start " + name, BundleErrors.explain(e));
            }
        });
    }

    private void stop() {
        Optional<Bundle> selected = selectedBundle();
        if (selected.isEmpty()) {
            refresh();
            return;
        }
        Bundle bundle = selected.get();
        String name = BundleRules.name(bundle);
        Optional<String> refusal = rules.refuseStop(bundle);
        if (refusal.isPresent()) {
            workbench.notifier().error("Cannot stop " + name, refusal.get());
            return;
        }
        background(() -> {
            try {
                bundle.stop();
                done("Stopped " + name + "; its components left the palette.");
            } catch (BundleException e) {
                failed("Could not stop " + name, BundleErrors.explain(e));
            }
        });
    }

    private void openFolder() {
        Path folder = workbench.pluginsDirectory();
        boolean desktop = Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        if (!desktop) {
            showPath(folder, "This system cannot open folders from Java.");
            return;
        }
        background(() -> {
            try {
                Files.createDirectories(folder);
                Desktop.getDesktop().open(folder.toFile());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                SwingUtilities.invokeLater(() -> showPath(folder, "The folder could not be opened (" + e.getMessage()
                        + ")."));
            }
        });
    }

    private void showPath(Path folder, String why) {
        JTextField path = new JTextField(folder.toString());
        path.setName("plugins.folderPath");
        path.setEditable(false);
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel(why + " The plugins folder is:"), BorderLayout.NORTH);
        panel.add(path, BorderLayout.CENTER);
        JOptionPane.showMessageDialog(root, panel, "Plugins folder", JOptionPane.INFORMATION_MESSAGE);
    }

    // ---------------------------------------------------------------- threads

    private void background(Runnable work) {
        try {
            workbench.background().execute(() -> {
                try {
                    work.run();
                } catch (IllegalStateException | SecurityException e) {
                    // the bundle was uninstalled meanwhile, or the framework refuses
                    failed("Plugin operation failed", String.valueOf(e.getMessage()));
                }
            });
        } catch (RejectedExecutionException closing) {
            workbench.notifier().status("The workbench is closing.");
        }
    }

    private void done(String message) {
        SwingUtilities.invokeLater(() -> {
            workbench.notifier().status(message);
            refresh();
        });
    }

    private void failed(String title, String message) {
        SwingUtilities.invokeLater(() -> {
            refresh();
            workbench.notifier().error(title, message);
        });
    }
}
