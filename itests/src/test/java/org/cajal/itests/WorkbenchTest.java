package org.cajal.itests;

import static org.assertj.swing.core.matcher.JButtonMatcher.withName;
import static org.assertj.swing.finder.WindowFinder.findFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTree;
import javax.swing.tree.TreeModel;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JFileChooserFixture;
import org.assertj.swing.image.ScreenshotTaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workbench as a person uses it: a real window on Xvfb, opened by the real 'workbench' command in the real
 * framework, driven through its components by AssertJ Swing (mouse and keyboard through java.awt.Robot). The
 * steps build on each other (one window for the class), in the order a new user would take them. Screenshots go
 * to target/screenshots (docs/images holds the ones the README shows).
 */
@ExtendWith(CajalRuntime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {

    private static final Duration UI_WAIT = Duration.ofSeconds(30);
    private static CajalRuntime cajal;
    private static Robot robot;
    private static FrameFixture window;
    private static CompletableFuture<CajalRuntime.Outcome> command;
    private static Path screenshots;
    private static EdtCheck edt;

    @BeforeAll
    static void open(CajalRuntime runtime) throws Exception {
        cajal = runtime;
        screenshots = Files.createDirectories(Path.of(System.getProperty("cajal.screenshots", "target/screenshots")));
        // any Swing component changed off the event-dispatch thread (a service callback or training event that did
        // not hop to it) fails the test in which it happened
        edt = EdtCheck.install();
        command = CompletableFuture.supplyAsync(() -> {
            try {
                return cajal.command("workbench");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        robot = BasicRobot.robotWithCurrentAwtHierarchyWithoutScreenLock();
        robot.settings().delayBetweenEvents(20);
        window = findFrame("cajal.main").withTimeout(UI_WAIT.toMillis()).using(robot);
        // Xvfb has no window manager to maximise with: size the window as a person would on a laptop screen
        window.moveTo(new java.awt.Point(0, 0));
        window.resizeTo(new java.awt.Dimension(1500, 950));
    }

    @AfterAll
    static void close() throws Exception {
        if (window != null) {
            window.close();
            // the example was changed: the window asks whether to save; the answer here is No
            try {
                window.optionPane(org.assertj.swing.timing.Timeout.timeout(10_000)).buttonWithText("No").click();
            } catch (RuntimeException noDialog) {
                // nothing unsaved
                new ScreenshotTaker().saveDesktopAsPng(screenshots.resolve("closing-" + System.nanoTime() + ".png")
                        .toString());
            }
            CajalRuntime.Outcome outcome = command.get(30, TimeUnit.SECONDS);
            assertEquals(0, outcome.status(), outcome::toString);
        }
        if (robot != null) {
            robot.cleanUp();
        }
    }

    @AfterEach
    void nothingChangedOffTheEventDispatchThread() {
        List<String> violations = edt.take();
        assertTrue(violations.isEmpty(), () -> "Swing touched off the event-dispatch thread:\n"
                + String.join("\n", violations));
    }

    @Test
    @Order(1)
    void opensAnExampleFromTheMenu() {
        window.menuItemWithPath("File", "Examples", "xor").click();
        awaitTrue("the xor example's two layers in the layer table",
                () -> window.table("editor.layers").target().getRowCount() == 2);
        // the shapes and parameter counts come from the runtime's summary: dense 2 → 8 (tanh) has 2·8 + 8 = 24
        awaitTrue("dense layer's parameter count", () -> cell("editor.layers", 0, "Parameters").contains("24"));
        assertTrue(cell("editor.layers", 1, "Parameters").contains("18"), "output 8 → 2 has 8·2 + 2 = 18");
        screenshot("pipeline-editor");
    }

    @Test
    @Order(2)
    void changingUnitsChangesTheParameterCount() {
        window.table("editor.layers").cell(org.assertj.swing.data.TableCell.row(0).column(1)).click();
        window.textBox("param.units").selectAll().enterText("16");
        // dense 2 → 16: 2·16 + 16 = 48; output 16 → 2: 16·2 + 2 = 34; total 82
        awaitTrue("dense layer with 16 units", () -> cell("editor.layers", 0, "Parameters").contains("48"));
        awaitTrue("output layer after it", () -> cell("editor.layers", 1, "Parameters").contains("34"));
        awaitTrue("total", () -> label("editor.totalParameters").contains("82"));
    }

    @Test
    @Order(3)
    void anOutOfRangeValueShowsTheMessage() {
        // typing over the selected value, as a person replaces a number
        window.textBox("param.units").selectAll().enterText("0");
        awaitTrue("the range message", () -> label("param.units.problem").contains("out of range"));
        screenshot("properties-out-of-range");
        // the pipeline kept the last valid value
        assertTrue(cell("editor.layers", 0, "Parameters").contains("48"));
        window.textBox("param.units").selectAll().enterText("16");
        awaitTrue("message gone", () -> label("param.units.problem").isBlank());
    }

    @Test
    @Order(4)
    void trainsWithLiveChartsThatKeepOnePointPerEpoch() {
        window.button("editor.training").click();
        window.textBox("training.epochs").selectAll().enterText("12");
        window.button("toolbar.train").click();
        awaitTrue("training finished", () -> progress().getString().contains("finished"), Duration.ofMinutes(2));
        assertEquals(progress().getMaximum(), progress().getValue());
        assertEquals(12, chartItems("run.lossChart", 0), "one train-loss point per epoch");
        assertEquals(12, chartItems("run.lossChart", 1), "one validation-loss point per epoch");
        // the charts stay after the run
        window.tabbedPane("cajal.views").selectTab("Training");
        assertEquals(12, chartItems("run.lossChart", 0));
        screenshot("training");
        window.tabbedPane("cajal.views").selectTab("Results");
        // the results view opens the finished run with the visualisers that accept it
        awaitTrue("results with visualisers", () -> tabs("results.visualisers").getTabCount() >= 4);
        List<String> titles = tabTitles("results.visualisers");
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("confusion")), titles::toString);
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("decision")), titles::toString);
        window.tabbedPane("results.visualisers").selectTab("Decision boundary");
        awaitTrue("the decision boundary drawn", () -> robot.finder().findAll(window.target(),
                c -> "results.drawing".equals(c.getName()) && c.isShowing()).size() == 1);
        robot.waitForIdle();
        screenshot("results");
    }

    @Test
    @Order(5)
    void savesAndReopensTheSameJson() throws Exception {
        Path folder = cajal.newFolder("workbench-save");
        Path first = folder.resolve("xor-copy.json");
        Path second = folder.resolve("xor-again.json");
        window.menuItemWithPath("File", "Save As…").click();
        JFileChooserFixture chooser = window.fileChooser(org.assertj.swing.timing.Timeout.timeout(10_000));
        chooser.setCurrentDirectory(folder.toFile());
        chooser.fileNameTextBox().setText(first.getFileName().toString());
        chooser.approve();
        awaitTrue("saved", () -> Files.exists(first));
        String saved = Files.readString(first);
        assertTrue(saved.contains("\"units\" : 16") || saved.contains("\"units\": 16"), saved);

        window.menuItemWithPath("File", "Open…").click();
        chooser = window.fileChooser(org.assertj.swing.timing.Timeout.timeout(10_000));
        chooser.selectFile(first.toFile()).approve();
        awaitTrue("title names the file", () -> window.target().getTitle().contains("xor-copy.json"));
        window.menuItemWithPath("File", "Save As…").click();
        chooser = window.fileChooser(org.assertj.swing.timing.Timeout.timeout(10_000));
        chooser.setCurrentDirectory(folder.toFile());
        chooser.fileNameTextBox().setText(second.getFileName().toString());
        chooser.approve();
        awaitTrue("saved again", () -> Files.exists(second));
        assertEquals(saved, Files.readString(second), "save → open → save gives the same JSON");
        // both files are remembered under File > Open Recent, newest first
        window.menuItem("menu.file").click();
        awaitTrue("recent files listed", () -> robot.finder().findAll(c -> c instanceof javax.swing.JMenuItem
                && ("recent." + second.getFileName()).equals(c.getName())).size() == 1);
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ESCAPE);
        // and batch mode reads what the workbench wrote
        CajalRuntime.Outcome run = cajal.run(second.toString(), "--out", cajal.newFolder("workbench-batch").toString());
        assertEquals(0, run.status(), run::toString);
    }

    @Test
    @Order(6)
    void aDroppedPluginAppearsInThePaletteAndGoesWhenRemoved() throws Exception {
        Path jar = Path.of(System.getProperty("cajal.fixtures"), "itests-fixture-plugin.jar");
        Path dropped = cajal.plugins().resolve("workbench-fixture.jar");
        Files.copy(jar, dropped);
        try {
            awaitTrue("fixture-line in the palette", () -> paletteText().contains("fixture-line"));
            screenshot("palette-with-plugin");
            // use it: the plugin's dataset in the pipeline
            window.tabbedPane("cajal.views").selectTab("Pipeline");
            window.comboBox("editor.dataset").selectItem(java.util.regex.Pattern.compile(".*fixture-line.*"));
            awaitTrue("dataset switched", () -> button("editor.datasetStep").contains("fixture-line"));
            assertFalse(find("editor.datasetMissing").isShowing());
        } finally {
            Files.delete(dropped);
        }
        awaitTrue("fixture-line gone from the palette", () -> !paletteText().contains("fixture-line"));
        PluginDropInTest.awaitGone(cajal, UI_WAIT); // uninstalled too, before another test drops the same plugin
        // the pipeline that uses it says so, and the window goes on working
        awaitTrue("the dataset step marked missing", () -> find("editor.datasetMissing").isShowing());
        window.comboBox("editor.dataset").selectItem(java.util.regex.Pattern.compile(".*\\(xor\\).*"));
        awaitTrue("back on xor", () -> !find("editor.datasetMissing").isShowing());
    }

    @Test
    @Order(7)
    void otherViewsShowRunsPluginsAndHelp() {
        window.tabbedPane("cajal.views").selectTab("Runs");
        awaitTrue("the run in the history", () -> window.table("runs.table").target().getRowCount() >= 1);
        screenshot("runs");
        window.tabbedPane("cajal.views").selectTab("Plugins");
        assertTrue(window.table("plugins.table").target().getRowCount() >= 8, "core bundles listed");
        screenshot("plugins");
        window.tabbedPane("cajal.views").selectTab("Pipeline");
        window.tabbedPane("cajal.side").selectTab("Help");
        screenshot("help");
        // the dark theme, and back
        window.menuItemWithPath("View", "Dark theme").click();
        awaitTrue("dark look and feel", () -> javax.swing.UIManager.getLookAndFeel().getName().contains("Dark"));
        screenshot("dark");
        window.menuItemWithPath("View", "Light theme").click();
        awaitTrue("light look and feel", () -> javax.swing.UIManager.getLookAndFeel().getName().contains("Light"));
    }

    // ---------------------------------------------------------------- helpers

    private static String cell(String table, int row, String column) {
        return GuiActionRunner.execute(() -> {
            JTable t = (JTable) find(table);
            int c = t.getColumnModel().getColumnIndex(column);
            Object v = t.getValueAt(row, c);
            return v == null ? "" : v.toString();
        });
    }

    private static String button(String name) {
        return GuiActionRunner.execute(() -> ((javax.swing.AbstractButton) find(name)).getText());
    }

    private static String label(String name) {
        return GuiActionRunner.execute(() -> ((JLabel) find(name)).getText());
    }

    private static JProgressBar progress() {
        return (JProgressBar) find("run.progress");
    }

    private static JTabbedPane tabs(String name) {
        return (JTabbedPane) find(name);
    }

    private static List<String> tabTitles(String name) {
        return GuiActionRunner.execute(() -> {
            JTabbedPane t = tabs(name);
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < t.getTabCount(); i++) {
                titles.add(t.getTitleAt(i));
            }
            return titles;
        });
    }

    /** Items in series {@code series} of the first dataset of a JFreeChart ChartPanel (by reflection: the chart
     * classes live in the framework's class loaders, not the test's). */
    private static int chartItems(String panelName, int series) {
        return GuiActionRunner.execute(() -> {
            try {
                Object panel = find(panelName);
                Object chart = panel.getClass().getMethod("getChart").invoke(panel);
                Object plot = chart.getClass().getMethod("getXYPlot").invoke(chart);
                Object dataset = plot.getClass().getMethod("getDataset").invoke(plot);
                return (Integer) dataset.getClass().getMethod("getItemCount", int.class).invoke(dataset, series);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot read the chart " + panelName + ": " + e, e);
            }
        });
    }

    private static String paletteText() {
        return GuiActionRunner.execute(() -> {
            JTree tree = (JTree) find("palette.tree");
            StringBuilder text = new StringBuilder();
            collect(tree.getModel(), tree.getModel().getRoot(), text);
            return text.toString();
        });
    }

    private static void collect(TreeModel model, Object node, StringBuilder text) {
        text.append(node).append('\n');
        for (int i = 0; i < model.getChildCount(node); i++) {
            collect(model, model.getChild(node, i), text);
        }
    }

    private static Component find(String name) {
        return robot.finder().find(window.target(), c -> name.equals(c.getName()));
    }

    private static void screenshot(String name) {
        robot.waitForIdle();
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.deleteIfExists(file); // the screenshot taker refuses to overwrite
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new ScreenshotTaker().saveComponentAsPng(window.target(), file.toString());
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, condition, UI_WAIT);
    }

    private static void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            robot.waitForIdle();
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false;
            }
            if (ok) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
