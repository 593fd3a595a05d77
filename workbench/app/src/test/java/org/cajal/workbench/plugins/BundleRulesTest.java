package org.cajal.workbench.plugins;

import static org.cajal.workbench.plugins.FakeBundles.bundle;
import static org.cajal.workbench.plugins.FakeBundles.fragment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;
import org.cajal.api.Describable;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.plugins.BundleRules.Origin;
import org.cajal.workbench.plugins.BundleRules.Removal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

class BundleRulesTest {

    private static final long SELF = 7;

    @TempDir
    Path home;
    private BundleRules rules;
    private Bundle system;
    private Bundle self;
    private Bundle core;
    private Bundle plugin;
    private Bundle byHand;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(home.resolve("bundles"));
        Files.createDirectories(home.resolve("plugins"));
        rules = new BundleRules(home, home.resolve("plugins"), SELF);
        system = bundle(0, "org.apache.felix.framework", "7.0.5", Bundle.ACTIVE, "System Bundle");
        self = bundle(SELF, "org.cajal.workbench", "0.1.0", Bundle.ACTIVE,
                "reference:" + home.resolve("bundles/workbench.jar").toUri());
        core = bundle(3, "org.cajal.runtime", "0.1.0", Bundle.ACTIVE,
                "reference:" + home.resolve("bundles/runtime.jar").toUri());
        Path jar = Files.createFile(home.resolve("plugins/extra.jar"));
        plugin = bundle(40, "org.example.extra", "1.2.0", Bundle.ACTIVE, jar.toFile().toURI().toString());
        byHand = bundle(41, "org.example.other", "2.0.0", Bundle.RESOLVED, "file:/somewhere/else/other.jar");
    }

    @Test
    void statesInWords() {
        String loc = "file:/x.jar";
        assertEquals("Installed", BundleRules.stateName(bundle(1, "a", "1", Bundle.INSTALLED, loc)));
        assertEquals("Resolved", BundleRules.stateName(bundle(1, "a", "1", Bundle.RESOLVED, loc)));
        assertEquals("Starting", BundleRules.stateName(bundle(1, "a", "1", Bundle.STARTING, loc)));
        assertEquals("Active", BundleRules.stateName(bundle(1, "a", "1", Bundle.ACTIVE, loc)));
        assertEquals("Stopping", BundleRules.stateName(bundle(1, "a", "1", Bundle.STOPPING, loc)));
        assertEquals("Resolved (fragment)", BundleRules.stateName(fragment(2, "f", loc)));
    }

    @Test
    void classifiesWhereABundleCameFrom() {
        assertEquals(Origin.SYSTEM, rules.origin(system));
        assertEquals(Origin.CORE, rules.origin(core));
        assertEquals(Origin.CORE, rules.origin(self));
        assertEquals(Origin.PLUGIN, rules.origin(plugin));
        assertEquals(Origin.FILE, rules.origin(byHand));
        assertEquals(Origin.OTHER, rules.origin(bundle(42, "u", "1", Bundle.ACTIVE, "https://example.org/u.jar")));
        // "file:" + a raw path, as some tools write it, with a space
        assertEquals(Origin.PLUGIN, rules.origin(bundle(43, "s", "1", Bundle.ACTIVE,
                "file:" + home.resolve("plugins/with space.jar"))));
        // a path that wanders out of plugins/ is not in it
        assertEquals(Origin.FILE, rules.origin(bundle(44, "w", "1", Bundle.ACTIVE,
                "file:" + home.resolve("plugins/../elsewhere.jar"))));

        assertEquals("bundles/ (core): runtime.jar", rules.fromText(core));
        assertEquals("plugins/: extra.jar", rules.fromText(plugin));
        assertEquals("installed from /somewhere/else/other.jar", rules.fromText(byHand));
        assertEquals("the framework", rules.fromText(system));
    }

    @Test
    void refusesToStopTheFrameworkItselfAndCoreBundles() {
        assertTrue(rules.refuseStop(system).orElseThrow().contains("framework itself"));
        assertTrue(rules.refuseStop(self).orElseThrow().contains("workbench itself"));
        assertTrue(rules.refuseStop(core).orElseThrow().contains("core bundle"));
        assertTrue(rules.refuseStop(plugin).isEmpty());
        assertTrue(rules.refuseStop(byHand).orElseThrow().contains("not running"));
        assertTrue(rules.refuseStop(fragment(50, "f", "file:/f.jar")).orElseThrow().contains("fragment"));
    }

    @Test
    void startRefusesFragmentsAndActiveBundles() {
        assertTrue(rules.refuseStart(byHand).isEmpty());
        assertTrue(rules.refuseStart(plugin).orElseThrow().contains("already active"));
        assertTrue(rules.refuseStart(fragment(50, "f", "file:/f.jar")).orElseThrow().contains("fragment"));
    }

    @Test
    void uninstallRefusesCoreDeletesPluginJarsAndUninstallsTheRest() {
        assertTrue(((Removal.Refused) rules.removal(system)).reason().contains("framework"));
        assertTrue(((Removal.Refused) rules.removal(self)).reason().contains("workbench itself"));
        Removal.Refused refusedCore = assertInstanceOf(Removal.Refused.class, rules.removal(core));
        assertTrue(refusedCore.reason().contains("cannot be uninstalled"), refusedCore.reason());
        Removal.DeleteJar delete = assertInstanceOf(Removal.DeleteJar.class, rules.removal(plugin));
        assertEquals(home.resolve("plugins/extra.jar"), delete.jar());
        assertInstanceOf(Removal.Uninstall.class, rules.removal(byHand));
        // a plugin whose jar is already gone (FileInstall is about to uninstall it) is uninstalled directly
        Bundle gone = bundle(45, "g", "1", Bundle.ACTIVE, home.resolve("plugins/gone.jar").toUri().toString());
        assertInstanceOf(Removal.Uninstall.class, rules.removal(gone));
    }

    @Test
    void countsContributionsByKind() {
        Catalog catalog = new Catalog(List.of(
                entry(ComponentKind.LAYER_TYPE, "a", "org.example.extra"),
                entry(ComponentKind.LAYER_TYPE, "b", "org.example.extra"),
                entry(ComponentKind.OPTIMIZER, "c", "org.example.extra"),
                entry(ComponentKind.DATASET, "d", "org.cajal.datasets")));
        assertEquals("2 layer types, 1 optimizer", BundleRules.contributions("org.example.extra", catalog));
        assertEquals("1 dataset", BundleRules.contributions("org.cajal.datasets", catalog));
        assertEquals("", BundleRules.contributions("org.nothing", catalog));
    }

    @Test
    void tableRowsSkipUninstalledBundlesAndSortById() {
        Bundle uninstalled = bundle(46, "u", "1", Bundle.UNINSTALLED, "file:/u.jar");
        List<BundleTableModel.Row> rows = BundleTableModel.rows(new Bundle[] {plugin, uninstalled, core, system},
                rules, Catalog.EMPTY);
        assertEquals(List.of(0L, 3L, 40L), rows.stream().map(BundleTableModel.Row::id).toList());
        BundleTableModel.Row row = rows.get(2);
        assertEquals("org.example.extra", row.name());
        assertEquals("1.2.0", row.version());
        assertEquals("Active", row.state());
        assertEquals("plugins/: extra.jar", row.from());
    }

    private static Catalog.Entry entry(ComponentKind kind, String id, String bundle) {
        ComponentDescriptor d = new ComponentDescriptor(id, id, "Test", "", List.of());
        Describable service = () -> d;
        return new Catalog.Entry(kind, d, service, bundle);
    }
}
