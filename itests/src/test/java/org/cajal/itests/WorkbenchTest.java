package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;


import org.assertj.swing.core.Robot;
import org.assertj.swing.fixture.FrameFixture;
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

    private static CajalRuntime cajal;
    private static WorkbenchWindow ui;
    private static Robot robot;
    private static FrameFixture window;

    @BeforeAll
    static void open(CajalRuntime runtime) throws Exception {
        cajal = runtime;
        ui = WorkbenchWindow.open(cajal);
        robot = ui.robot();
        window = ui.frame();
    }

    @AfterAll
    static void close() throws Exception {
        if (ui != null) {
            // the example was changed: the window asks whether to save; the answer is No
            ui.close();
        }
    }

    @AfterEach
    void nothingChangedOffTheEventDispatchThread() {
        ui.assertNothingChangedOffTheEdt();
    }

    @Test
    @Order(1)
    void opensAnExampleFromTheMenu() {
        ui.clickMenu("File", "Examples", "xor");
        ui.awaitTrue("the xor example's two layers in the layer table",
                () -> window.table("editor.layers").target().getRowCount() == 2);
        // the shapes and parameter counts come from the runtime's summary: dense 2 → 8 (tanh) has 2·8 + 8 = 24
        ui.awaitTrue("dense layer's parameter count", () -> ui.cell("editor.layers", 0, "Parameters").contains("24"));
        assertTrue(ui.cell("editor.layers", 1, "Parameters").contains("18"), "output 8 → 2 has 8·2 + 2 = 18");
        ui.screenshot("pipeline-editor");
    }

    @Test
    @Order(2)
    void changingUnitsChangesTheParameterCount() {
        window.table("editor.layers").cell(org.assertj.swing.data.TableCell.row(0).column(1)).click();
        window.textBox("param.units").selectAll().enterText("16");
        // dense 2 → 16: 2·16 + 16 = 48; output 16 → 2: 16·2 + 2 = 34; total 82
        ui.awaitTrue("dense layer with 16 units", () -> ui.cell("editor.layers", 0, "Parameters").contains("48"));
        ui.awaitTrue("output layer after it", () -> ui.cell("editor.layers", 1, "Parameters").contains("34"));
        ui.awaitTrue("total", () -> ui.label("editor.totalParameters").contains("82"));
    }

    @Test
    @Order(3)
    void anOutOfRangeValueShowsTheMessage() {
        // typing over the selected value, as a person replaces a number
        window.textBox("param.units").selectAll().enterText("0");
        ui.awaitTrue("the range message", () -> ui.label("param.units.problem").contains("out of range"));
        ui.screenshot("properties-out-of-range");
        // the pipeline kept the last valid value
        assertTrue(ui.cell("editor.layers", 0, "Parameters").contains("48"));
        window.textBox("param.units").selectAll().enterText("16");
        ui.awaitTrue("message gone", () -> ui.label("param.units.problem").isBlank());
    }

    @Test
    @Order(4)
    void trainsWithLiveChartsThatKeepOnePointPerEpoch() {
        window.button("editor.training").click();
        window.textBox("training.epochs").selectAll().enterText("12");
        window.button("toolbar.train").click();
        ui.awaitTrue("training finished", () -> ui.progress().getString().contains("finished"), Duration.ofMinutes(2));
        assertEquals(ui.progress().getMaximum(), ui.progress().getValue());
        assertEquals(12, ui.chartItems("run.lossChart", 0), "one train-loss point per epoch");
        assertEquals(12, ui.chartItems("run.lossChart", 1), "one validation-loss point per epoch");
        // the charts stay after the run
        window.tabbedPane("cajal.views").selectTab("Training");
        assertEquals(12, ui.chartItems("run.lossChart", 0));
        ui.screenshot("training");
        window.tabbedPane("cajal.views").selectTab("Results");
        // the results view opens the finished run with the visualisers that accept it
        ui.awaitTrue("results with visualisers", () -> ui.tabs("results.visualisers").getTabCount() >= 4);
        List<String> titles = ui.tabTitles("results.visualisers");
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("confusion")), titles::toString);
        assertTrue(titles.stream().anyMatch(t -> t.toLowerCase().contains("decision")), titles::toString);
        window.tabbedPane("results.visualisers").selectTab("Decision boundary");
        ui.awaitTrue("the decision boundary drawn", () -> ui.drawingShown());
        robot.waitForIdle();
        ui.screenshot("results");
    }

    @Test
    @Order(5)
    void savesAndReopensTheSameJson() throws Exception {
        Path folder = cajal.newFolder("workbench-save");
        Path first = folder.resolve("xor-copy.json");
        Path second = folder.resolve("xor-again.json");
        ui.saveAs(first);
        String saved = Files.readString(first);
        assertTrue(saved.contains("\"units\" : 16") || saved.contains("\"units\": 16"), saved);

        ui.openFile(first);
        ui.saveAs(second);
        assertEquals(saved, Files.readString(second), "save → open → save gives the same JSON");
        // both files are remembered under File > Open Recent, newest first
        window.menuItem("menu.file").click();
        ui.awaitTrue("recent files listed", () -> robot.finder().findAll(c -> c instanceof javax.swing.JMenuItem
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
            ui.awaitTrue("fixture-line in the palette", () -> ui.paletteText().contains("fixture-line"));
            ui.screenshot("palette-with-plugin");
            // use it: the plugin's dataset in the pipeline
            window.tabbedPane("cajal.views").selectTab("Pipeline");
            window.comboBox("editor.dataset").selectItem(java.util.regex.Pattern.compile(".*fixture-line.*"));
            ui.awaitTrue("dataset switched", () -> ui.button("editor.datasetStep").contains("fixture-line"));
            assertFalse(ui.find("editor.datasetMissing").isShowing());
        } finally {
            Files.delete(dropped);
        }
        ui.awaitTrue("fixture-line gone from the palette", () -> !ui.paletteText().contains("fixture-line"));
        PluginDropInTest.awaitGone(cajal, WorkbenchWindow.UI_WAIT); // uninstalled too, before another test drops the same plugin
        // the pipeline that uses it says so, and the window goes on working
        ui.awaitTrue("the dataset step marked missing", () -> ui.find("editor.datasetMissing").isShowing());
        window.comboBox("editor.dataset").selectItem(java.util.regex.Pattern.compile(".*\\(xor\\).*"));
        ui.awaitTrue("back on xor", () -> !ui.find("editor.datasetMissing").isShowing());
    }

    @Test
    @Order(7)
    void otherViewsShowRunsPluginsAndHelp() {
        window.tabbedPane("cajal.views").selectTab("Runs");
        ui.awaitTrue("the run in the history", () -> window.table("runs.table").target().getRowCount() >= 1);
        ui.screenshot("runs");
        window.tabbedPane("cajal.views").selectTab("Plugins");
        assertTrue(window.table("plugins.table").target().getRowCount() >= 8, "core bundles listed");
        ui.screenshot("plugins");
        window.tabbedPane("cajal.views").selectTab("Pipeline");
        window.tabbedPane("cajal.side").selectTab("Help");
        ui.screenshot("help");
        // the dark theme, and back
        ui.clickMenu("View", "Dark theme");
        ui.awaitTrue("dark look and feel", () -> javax.swing.UIManager.getLookAndFeel().getName().contains("Dark"));
        ui.screenshot("dark");
        ui.clickMenu("View", "Light theme");
        ui.awaitTrue("light look and feel", () -> javax.swing.UIManager.getLookAndFeel().getName().contains("Light"));
    }
}
