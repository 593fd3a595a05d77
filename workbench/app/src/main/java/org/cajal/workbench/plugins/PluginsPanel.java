package org.cajal.workbench.plugins;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.SwingUtilities;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableRowSorter;

import org.cajal.launcher.spi.PluginProblems;
import org.cajal.workbench.core.Workbench;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;

/**
 * The "Plugins" tab: every installed bundle with its version, state, where it came from and what it contributes
 * (its components by kind), kept live by a bundle listener; buttons to install a plugin jar, uninstall, start and
 * stop; a filter; and the plugins folder FileInstall watches, with a button to open it.
 *
 * <p>Bundle operations ({@link PluginActions}) run on {@link Workbench#background()}; their results come back on
 * the event-dispatch thread.
 * The framework, the workbench's own bundle and the distribution's core bundles are refused for stop and uninstall
 * (see {@link BundleRules}); a plugin from {@code plugins/} is uninstalled by deleting its jar, as FileInstall
 * expects.
 */
public final class PluginsPanel {

    private final Workbench workbench;
    private final BundleContext context;
    private final BundleRules rules;
    private final PluginActions actions;
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
    /** The launcher's plugin problems come after the bundle events of a failed start: refresh when they change. */
    private final ServiceListener problemsListener = event -> scheduleRefresh();
    private boolean listening;

    public PluginsPanel(Workbench workbench) {
        this.workbench = workbench;
        this.context = workbench.bundleContext();
        this.rules = new BundleRules(workbench.home(), workbench.pluginsDirectory(), selfId(context));
        this.actions = new PluginActions(this, workbench, context, rules);
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
                context.addServiceListener(problemsListener,
                        "(" + Constants.OBJECTCLASS + "=" + PluginProblems.class.getName() + ")");
            } else {
                context.removeBundleListener(bundleListener);
                context.removeServiceListener(problemsListener);
            }
            listening = on;
        } catch (IllegalStateException stopping) {
            listening = false; // the workbench bundle is stopping: the framework drops its listeners itself
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("the plugin-problems filter is not valid", e);
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
        buildTable();
        buildFilter();
        install.setName("plugins.install");
        install.setToolTipText("Install a plugin jar from a file and start it");
        install.addActionListener(e -> actions.install());
        uninstall.setName("plugins.uninstall");
        uninstall.addActionListener(e -> actions.uninstall());
        start.setName("plugins.start");
        start.addActionListener(e -> actions.start());
        stop.setName("plugins.stop");
        stop.addActionListener(e -> actions.stop());

        JPanel north = new JPanel(new BorderLayout(0, 6));
        north.add(folderRow(), BorderLayout.NORTH);
        north.add(bar(), BorderLayout.SOUTH);
        root.add(north, BorderLayout.NORTH);
        root.add(new JScrollPane(table), BorderLayout.CENTER);
        if (context == null) {
            root.add(new JLabel("The OSGi framework is not available, so no bundles can be listed."),
                    BorderLayout.SOUTH);
        }
        updateButtons();
    }

    /** The plugins folder FileInstall watches, and the button that opens it. */
    private JPanel folderRow() {
        Path folder = workbench.pluginsDirectory();
        JLabel hint = new JLabel("Drop plugin jars into " + folder + " — they appear within seconds.");
        hint.setName("plugins.folder");
        openFolder.setName("plugins.openFolder");
        openFolder.setToolTipText("Open " + folder + " in the file manager");
        openFolder.addActionListener(e -> actions.openFolder());
        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 0));
        top.add(hint);
        top.add(openFolder);
        return top;
    }

    private void buildTable() {
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
    }

    private void buildFilter() {
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
    }

    /** The filter, then install, uninstall, start and stop. */
    private JPanel bar() {
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
        return bar;
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
        model.setRows(BundleTableModel.rows(bundles, rules, workbench.catalog(), pluginProblems()));
        int index = model.indexOf(selectedId);
        if (index >= 0) {
            int view = table.convertRowIndexToView(index);
            if (view >= 0) {
                table.getSelectionModel().setSelectionInterval(view, view);
            }
        }
        updateButtons();
    }

    /** The launcher's reason for each plugin jar that failed, by file name; empty without a launcher. */
    private Map<String, String> pluginProblems() {
        try {
            ServiceReference<PluginProblems> ref = context.getServiceReference(PluginProblems.class);
            PluginProblems problems = ref == null ? null : context.getService(ref);
            if (problems == null) {
                return Map.of();
            }
            try {
                return problems.problems();
            } finally {
                context.ungetService(ref);
            }
        } catch (IllegalStateException stopping) {
            return Map.of();
        }
    }

    private Optional<BundleTableModel.Row> selectedRow() {
        int view = table.getSelectedRow();
        return view < 0 ? Optional.empty() : Optional.of(model.row(table.convertRowIndexToModel(view)));
    }

    /** The selected bundle, if it is still installed. */
    Optional<Bundle> selectedBundle() {
        return selectedRow().map(r -> context.getBundle(r.id()));
    }
}
