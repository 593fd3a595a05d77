package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.cajal.testkit.DroppedPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hot drop-in in the running workbench, both ways, for both architecture plugins: the jar copied into plugins/
 * while the window is open puts the plugin's components in the palette; its shipped example opens, trains and its
 * visualisers draw in the results view; removing the jar takes the components away, the open pipeline marks its
 * architecture missing, and the window goes on working.
 */
@ExtendWith(CajalRuntime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginWorkbenchTest {

    private static CajalRuntime cajal;
    private static WorkbenchWindow ui;

    @BeforeAll
    static void open(CajalRuntime runtime) throws Exception {
        cajal = runtime;
        ui = WorkbenchWindow.open(cajal);
    }

    @AfterAll
    static void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @AfterEach
    void nothingChangedOffTheEventDispatchThread() {
        ui.assertNothingChangedOffTheEdt();
    }

    @Test
    @Order(1)
    void transformerDroppedIntoTheRunningWorkbench() throws Exception {
        Path dir = cajal.newFolder("workbench-transformer");
        Path pipeline = PluginExamples.shortened(TransformerPluginTest.EXAMPLES, "transformer-negation.json", 30, 12,
                dir, "negation.csv");
        dropInTrainAndRemove("transformer", List.of("transformer", "text-csv",
                "attention-map"), pipeline, List.of("Attention"), "plugin-transformer");
    }

    @Test
    @Order(2)
    void ganDroppedIntoTheRunningWorkbench() throws Exception {
        Path dir = cajal.newFolder("workbench-gan");
        Path pipeline = PluginExamples.shortened(GanPluginTest.EXAMPLES, GanPluginTest.MIXTURE,
                GanPluginTest.MIXTURE_EPOCHS, GanPluginTest.SHORT_EPOCHS, dir);
        dropInTrainAndRemove("gan", List.of("gan", "gaussian-mixture", "gan-samples",
                "gan-losses"), pipeline, GanPluginTest.VISUALISER_TITLES, "plugin-gan");
    }

    /**
     * @param components ids that must appear in the palette
     * @param visualisers parts of the results tabs' titles of the plugin's visualisers; the first is drawn
     */
    private static void dropInTrainAndRemove(String plugin, List<String> components, Path pipeline,
                                             List<String> visualisers, String screenshot) throws Exception {
        DroppedPlugin dropped = cajal.kit().drop(PluginExamples.jar(plugin));
        try {
            ui.awaitTrue(plugin + "'s components in the palette",
                    () -> components.stream().allMatch(id -> ui.paletteText().contains("(" + id + ")")));
            ui.frame().tabbedPane("cajal.views").selectTab("Pipeline");
            ui.openFile(pipeline);
            ui.awaitTrue("the architecture installed", () -> !ui.showing("editor.architectureMissing"));
            ui.trainAndWait(Duration.ofMinutes(3));
            ui.frame().tabbedPane("cajal.views").selectTab("Results");
            ui.awaitTrue("the plugin's visualisers in the results", () -> visualisers.stream().allMatch(
                    v -> ui.tabTitles("results.visualisers").stream().anyMatch(t -> t.contains(v))));
            String first = ui.tabTitles("results.visualisers").stream()
                    .filter(t -> t.contains(visualisers.get(0))).findFirst().orElseThrow();
            ui.frame().tabbedPane("results.visualisers").selectTab(first);
            ui.awaitTrue(first + " drawn", ui::drawingShown);
            ui.screenshot(screenshot);
        } finally {
            dropped.remove(WorkbenchWindow.UI_WAIT);
        }
        ui.awaitTrue(plugin + "'s components gone from the palette",
                () -> components.stream().noneMatch(id -> ui.paletteText().contains("(" + id + ")")));
        ui.frame().tabbedPane("cajal.views").selectTab("Pipeline");
        ui.awaitTrue("the open pipeline's architecture marked missing", () -> ui.showing("editor.architectureMissing"));
        // the window goes on working: a new pipeline from the core components
        ui.clickMenu("File", "New");
        ui.awaitTrue("a new pipeline without missing parts", () -> !ui.showing("editor.architectureMissing")
                && !ui.showing("editor.datasetMissing"));
    }
}
