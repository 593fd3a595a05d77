package org.cajal.workbench.plugins;

import static org.cajal.workbench.plugins.FakeBundles.bundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.launcher.spi.PluginProblems;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Workbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

class PluginsPanelTest {

    @TempDir
    Path home;

    @Test
    void listsTheBundlesFiltersAndFollowsBundleEvents() throws Exception {
        Bundle self = bundle(7, "org.cajal.workbench", "0.1.0", Bundle.ACTIVE,
                "reference:" + home.resolve("bundles/workbench.jar").toUri());
        List<Bundle> bundles = new ArrayList<>(List.of(
                bundle(0, "org.apache.felix.framework", "7.0.5", Bundle.ACTIVE, "System Bundle"), self,
                bundle(40, "org.example.extra", "1.0.0", Bundle.ACTIVE,
                        home.resolve("plugins/extra.jar").toUri().toString())));
        List<BundleListener> listeners = new ArrayList<>();
        BundleContext context = FakeBundles.context(self, bundles, listeners);
        Workbench workbench = workbench(context);
        AtomicReference<PluginsPanel> panel = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> panel.set(new PluginsPanel(workbench)));
        JTable table = (JTable) find(panel.get().component(), "plugins.table");
        assertNotNull(table);
        assertEquals(1, listeners.size(), "one bundle listener");
        onEdt(() -> assertEquals(3, table.getRowCount()));
        onEdt(() -> assertEquals("plugins/: extra.jar", table.getValueAt(2, BundleTableModel.FROM)));

        JLabel hint = (JLabel) find(panel.get().component(), "plugins.folder");
        assertTrue(hint.getText().contains(home.resolve("plugins").toString()), hint.getText());
        assertTrue(hint.getText().contains("they appear within seconds"), hint.getText());

        JTextField filter = (JTextField) find(panel.get().component(), "plugins.filter");
        SwingUtilities.invokeAndWait(() -> filter.setText("EXAMPLE"));
        onEdt(() -> assertEquals(1, table.getRowCount()));
        SwingUtilities.invokeAndWait(() -> filter.setText(""));

        // a bundle event from another thread refreshes the table on the EDT
        bundles.add(bundle(41, "org.example.more", "1.0.0", Bundle.INSTALLED, "file:/tmp/more.jar"));
        Thread t = new Thread(() -> listeners.get(0).bundleChanged(new BundleEvent(BundleEvent.INSTALLED,
                bundles.get(3))));
        t.start();
        t.join();
        SwingUtilities.invokeAndWait(() -> { });
        SwingUtilities.invokeAndWait(() -> { });
        onEdt(() -> assertEquals(4, table.getRowCount()));
        onEdt(() -> assertEquals("Installed", table.getValueAt(3, BundleTableModel.STATE)));

        JButton stop = (JButton) find(panel.get().component(), "plugins.stop");
        onEdt(() -> assertFalse(stop.isEnabled(), "nothing selected"));
        SwingUtilities.invokeAndWait(() -> table.getSelectionModel().setSelectionInterval(1, 1));
        onEdt(() -> assertTrue(stop.isEnabled()));
        for (String name : List.of("plugins.install", "plugins.uninstall", "plugins.start", "plugins.openFolder")) {
            assertNotNull(find(panel.get().component(), name), name);
        }
    }

    @Test
    void aPluginThatFailedIsShownAsFailedWithTheLaunchersReason() throws Exception {
        Bundle self = bundle(7, "org.cajal.workbench", "0.1.0", Bundle.ACTIVE,
                "reference:" + home.resolve("bundles/workbench.jar").toUri());
        List<Bundle> bundles = new ArrayList<>(List.of(self,
                bundle(40, "com.example.throwing", "1.0.0", Bundle.RESOLVED,
                        home.resolve("plugins/throwing.jar").toUri().toString()),
                bundle(41, "com.example.fine", "1.0.0", Bundle.ACTIVE,
                        home.resolve("plugins/fine.jar").toUri().toString())));
        String reason = "its activator failed while starting: no licence key configured; fix the plugin (its "
                + "author's start code), or remove its jar";
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("throwing.jar", reason);
        problems.put("plain.jar", "is not an OSGi bundle (its manifest has no Bundle-SymbolicName), so it is not "
                + "installed");
        PluginProblems service = new PluginProblems() {
            @Override
            public Map<String, String> problems() {
                return problems;
            }

            @Override
            public Path log() {
                return home.resolve("plugins.log");
            }
        };
        Workbench workbench = workbench(FakeBundles.context(self, bundles, new ArrayList<>(), service));
        AtomicReference<PluginsPanel> panel = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> panel.set(new PluginsPanel(workbench)));
        JTable table = (JTable) find(panel.get().component(), "plugins.table");
        onEdt(() -> assertEquals(4, table.getRowCount()));
        onEdt(() -> assertEquals("Failed", table.getValueAt(1, BundleTableModel.STATE)));
        onEdt(() -> assertEquals(reason, table.getValueAt(1, BundleTableModel.CONTRIBUTES)));
        onEdt(() -> assertEquals("Active", table.getValueAt(2, BundleTableModel.STATE)));
        onEdt(() -> assertEquals("plain.jar", table.getValueAt(3, BundleTableModel.NAME)));
        onEdt(() -> assertEquals("Failed", table.getValueAt(3, BundleTableModel.STATE)));
        onEdt(() -> assertTrue(table.getValueAt(3, BundleTableModel.CONTRIBUTES).toString()
                .startsWith("is not an OSGi bundle"), "the same reason as the console's"));
    }

    @Test
    void withoutAFrameworkTheButtonsAreOff() throws Exception {
        Workbench workbench = workbench(null);
        AtomicReference<PluginsPanel> panel = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> panel.set(new PluginsPanel(workbench)));
        JButton install = (JButton) find(panel.get().component(), "plugins.install");
        onEdt(() -> assertFalse(install.isEnabled()));
        JTable table = (JTable) find(panel.get().component(), "plugins.table");
        onEdt(() -> assertEquals(0, table.getRowCount()));
    }

    private Workbench workbench(BundleContext context) {
        Pipeline pipeline = new Pipeline(Pipeline.SCHEMA_VERSION, "test", "", 1, ComponentRef.of("blobs"), List.of(),
                SplitSpec.DEFAULT, new ModelSpec(ModelSpec.LAYER_STACK, null, List.of(ComponentRef.of("output"))),
                new TrainingSpec("mse", ComponentRef.of("sgd"), 1, 8));
        Notifier quiet = new Notifier() {
            @Override
            public void error(String title, String message) {
            }

            @Override
            public void status(String message) {
            }
        };
        return new Workbench(context, RuntimeServices.NONE,
                new PipelineModel(pipeline), home, home.resolve("runs"), null, null,
                quiet);
    }

    private static void onEdt(Runnable check) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                check.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        if (failure.get() instanceof AssertionError a) {
            throw a;
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }

    private static Component find(Container root, String name) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
