package org.cajal.workbench.plugins;

import java.awt.BorderLayout;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.cajal.workbench.core.Workbench;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * What the Plugins view's buttons do: install a plugin jar and start it, uninstall (a plugin from {@code plugins/}
 * by deleting its jar, as FileInstall expects), start, stop, and open the plugins folder. The framework's work runs
 * on {@link Workbench#background()}; the outcome is told on the event-dispatch thread and the table refreshed.
 */
final class PluginActions {

    private final PluginsPanel view;
    private final Workbench workbench;
    private final BundleContext context;
    private final BundleRules rules;

    PluginActions(PluginsPanel view, Workbench workbench, BundleContext context, BundleRules rules) {
        this.view = view;
        this.workbench = workbench;
        this.context = context;
        this.rules = rules;
    }

    void install() {
        JFileChooser chooser = new JFileChooser(workbench.pluginsDirectory().toFile());
        chooser.setDialogTitle("Install plugin");
        chooser.setFileFilter(new FileNameExtensionFilter("Plugin jars (*.jar)", "jar"));
        if (chooser.showOpenDialog(view.component()) != JFileChooser.APPROVE_OPTION) {
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

    void uninstall() {
        Bundle bundle = selected();
        if (bundle == null) {
            return;
        }
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
        int answer = JOptionPane.showConfirmDialog(view.component(), "'" + name + "' was installed by FileInstall "
                        + "from the plugins folder:\n" + jar + "\n\nFileInstall keeps the installed plugins in step "
                        + "with that folder, so the way to remove the plugin is to delete its jar; FileInstall "
                        + "then uninstalls it within seconds.\n\nDelete " + jar.getFileName() + " now?",
                "Uninstall " + name, JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE);
        if (answer != JOptionPane.YES_OPTION) {
            return;
        }
        background(() -> {
            try {
                Files.delete(jar);
                done("Deleted " + jar.getFileName() + "; FileInstall uninstalls " + name + ".");
            } catch (IOException e) {
                failed("Plugin jar not deleted", "Could not delete " + jar + ": " + org.cajal.workbench.core.Messages.of(e) + "\n\nDelete it by hand "
                        + "(for instance in the file manager); FileInstall then uninstalls the plugin.");
            }
        });
    }

    private void uninstallDirectly(Bundle bundle, String name) {
        int answer = JOptionPane.showConfirmDialog(view.component(), "Uninstall '" + name + "' " + bundle.getVersion()
                        + "?\n\nIts components disappear from the palette; pipelines that use them cannot run until "
                        + "it is installed again.", "Uninstall " + name, JOptionPane.YES_NO_OPTION,
                JOptionPane.QUESTION_MESSAGE);
        if (answer != JOptionPane.YES_OPTION) {
            return;
        }
        operate(() -> {
            bundle.uninstall();
            refreshWiring(bundle);
        }, "Uninstalled " + name + ".", "Plugin not uninstalled");
    }

    /** Lets the framework drop the uninstalled bundle's packages and rewire the bundles that used them. */
    private void refreshWiring(Bundle uninstalled) {
        Bundle system = context.getBundle(0);
        FrameworkWiring wiring = system == null ? null : system.adapt(FrameworkWiring.class);
        if (wiring != null) {
            wiring.refreshBundles(List.of(uninstalled));
        }
    }

    void start() {
        Bundle bundle = selected();
        if (bundle == null) {
            return;
        }
        String name = BundleRules.name(bundle);
        Optional<String> refusal = rules.refuseStart(bundle);
        if (refusal.isPresent()) {
            workbench.notifier().status(refusal.get());
            return;
        }
        operate(bundle::start, "Started " + name + ".", "Could not start " + name);
    }

    void stop() {
        Bundle bundle = selected();
        if (bundle == null) {
            return;
        }
        String name = BundleRules.name(bundle);
        Optional<String> refusal = rules.refuseStop(bundle);
        if (refusal.isPresent()) {
            workbench.notifier().error("Cannot stop " + name, refusal.get());
            return;
        }
        operate(bundle::stop, "Stopped " + name + "; its components left the palette.", "Could not stop " + name);
    }

    void openFolder() {
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
        JOptionPane.showMessageDialog(view.component(), panel, "Plugins folder", JOptionPane.INFORMATION_MESSAGE);
    }

    /** The selected bundle; null (and the table refreshed) when it is no longer installed. */
    private Bundle selected() {
        Optional<Bundle> bundle = view.selectedBundle();
        if (bundle.isEmpty()) {
            view.refresh();
        }
        return bundle.orElse(null);
    }

    /** Something the framework may refuse with a {@link BundleException}. */
    private interface BundleOperation {
        void run() throws BundleException;
    }

    /** Runs the operation in the background, then tells what was done or why it failed. */
    private void operate(BundleOperation operation, String done, String failedTitle) {
        background(() -> {
            try {
                operation.run();
                done(done);
            } catch (BundleException e) {
                failed(failedTitle, BundleErrors.explain(e));
            }
        });
    }

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
            view.refresh();
        });
    }

    private void failed(String title, String message) {
        SwingUtilities.invokeLater(() -> {
            view.refresh();
            workbench.notifier().error(title, message);
        });
    }
}
