package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import javax.swing.JList;
import javax.swing.JTable;

import org.assertj.swing.edt.GuiActionRunner;
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
 * Issue 7 in the window, as a researcher uses it: a grid search started from the Experiments view fills its
 * table live and opens the best pipeline; repeats give mean ± sd with a band; two configurations' repeats are
 * compared with a verdict; a capacity sweep draws its errors; the Runs view filters, tags and compares runs; a
 * diverging run shows its diagnostics in plain language under the training charts.
 */
@ExtendWith(CajalRuntime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExperimentsWorkbenchTest {

    private static final Duration EXPERIMENT_WAIT = Duration.ofMinutes(4);

    private static CajalRuntime cajal;
    private static WorkbenchWindow ui;
    private static FrameFixture window;

    @BeforeAll
    static void open(CajalRuntime runtime) throws Exception {
        cajal = runtime;
        ui = WorkbenchWindow.open(cajal);
        window = ui.frame();
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
    void aSearchFillsItsTableLiveAndOpensTheBestPipeline() throws Exception {
        Path dir = cajal.newFolder("wb-search");
        Path pipeline = ExperimentsTest.write(dir, "xor-grid.json", ExperimentsTest.XOR_SEARCH
                .replace("\"epochs\": 40", "\"epochs\": 15"));
        ui.openFile(pipeline);
        window.tabbedPane("cajal.views").selectTab("Experiments");
        window.tabbedPane("experiments.tabs").selectTab("Search");
        ui.awaitTrue("the pipeline's search section in the editor", () -> GuiActionRunner.execute(
                () -> window.textBox("experiments.search.section").target().getText()).contains("learningRate"));
        window.button("experiments.search.start").click();
        ui.awaitTrue("the search ended", () -> ui.label("experiments.search.status").startsWith("Search ended"),
                EXPERIMENT_WAIT);
        JTable table = window.table("experiments.search.table").target();
        assertEquals(4, (int) GuiActionRunner.execute(table::getRowCount), "a 2 × 2 grid");
        String best = GuiActionRunner.execute(() -> {
            int row = table.getSelectedRow();
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < table.getColumnCount(); c++) {
                text.append(table.getValueAt(row, c)).append(' ');
            }
            return text.toString();
        });
        assertTrue(best.contains("tanh") && best.contains("0.05"), "the best row is selected: " + best);
        ui.screenshot("experiments-search");
        window.button("experiments.search.openBest").click();
        // a file of the run store opens as a read-only copy (Save asks where), keeping the search the user wrote
        ui.awaitTrue("the best pipeline open in the editor", () -> ui.label("cajal.status").contains(
                "best-pipeline.json (read-only, from the run store"));
        assertTrue(GuiActionRunner.execute(() -> window.textBox("experiments.search.section").target().getText())
                .contains("learningRate"), "the user's search section is kept");
    }

    @Test
    @Order(2)
    void repeatsShowMeanSdAndABand() {
        window.tabbedPane("cajal.views").selectTab("Experiments");
        window.tabbedPane("experiments.tabs").selectTab("Repeats");
        window.spinner("experiments.repeats.times").enterTextAndCommit("3");
        window.spinner("experiments.repeats.seed").enterTextAndCommit("1");
        window.button("experiments.repeats.start").click();
        ui.awaitTrue("the repeats' summary", () -> ui.label("experiments.repeats.status").startsWith("3 repeats"),
                EXPERIMENT_WAIT);
        JTable table = window.table("experiments.repeats.table").target();
        assertTrue(GuiActionRunner.execute(table::getRowCount) > 0, "a row per metric");
        ui.screenshot("experiments-repeats");
    }

    @Test
    @Order(3)
    void twoConfigurationsAreComparedWithAVerdict() throws Exception {
        // the same seeds as the repeats before, on a configuration that cannot solve XOR (no hidden non-linearity)
        Path dir = cajal.newFolder("wb-compare");
        String plain = ExperimentsTest.XOR_SEARCH.substring(0, ExperimentsTest.XOR_SEARCH.indexOf(",\n  \"search\""))
                + "\n}\n";
        Path linear = ExperimentsTest.write(dir, "xor-linear.json", plain.replace("xor-grid", "xor-linear")
                .replace("\"tanh\"", "\"identity\"").replace("\"epochs\": 40", "\"epochs\": 15"));
        ui.openFile(linear);
        window.tabbedPane("cajal.views").selectTab("Experiments");
        window.tabbedPane("experiments.tabs").selectTab("Repeats");
        window.spinner("experiments.repeats.times").enterTextAndCommit("3");
        window.spinner("experiments.repeats.seed").enterTextAndCommit("1");
        window.button("experiments.repeats.start").click();
        ui.awaitTrue("the second repeats' summary",
                () -> ui.label("experiments.repeats.status").startsWith("3 repeats"), EXPERIMENT_WAIT);
        window.tabbedPane("experiments.tabs").selectTab("Compare");
        window.button("experiments.compare.useLast").click();
        window.textBox("experiments.compare.metric").setText("accuracy");
        window.button("experiments.compare.run").click();
        ui.awaitTrue("the verdict", () -> ui.label("experiments.compare.status").startsWith("Compared accuracy"));
        String verdict = GuiActionRunner.execute(
                () -> window.textBox("experiments.compare.verdict").target().getText());
        assertTrue(verdict.contains("accuracy") && verdict.contains("corrected resampled t-test over 3 pairs")
                && verdict.contains("little power"), verdict);
        ui.screenshot("experiments-compare");
    }

    @Test
    @Order(4)
    void aCapacitySweepDrawsTrainingValidationAndTestError() {
        window.tabbedPane("cajal.views").selectTab("Experiments");
        window.tabbedPane("experiments.tabs").selectTab("Sweep");
        window.textBox("experiments.sweep.path").setText("model.layers[0].params.units");
        window.textBox("experiments.sweep.values").setText("1, 4, 16");
        window.button("experiments.sweep.start").click();
        ui.awaitTrue("the sweep ended", () -> ui.label("experiments.sweep.status").startsWith("Sweep ended: 3 runs"),
                EXPERIMENT_WAIT);
        ui.awaitTrue("training and validation error drawn for the 3 widths", () -> {
            try {
                return ui.chartItems("experiments.sweep.chart", 0) == 3
                        && ui.chartItems("experiments.sweep.chart", 1) == 3;
            } catch (AssertionError notYet) {
                return false; // the chart's series are still being made
            }
        });
        ui.screenshot("experiments-sweep");
    }

    @Test
    @Order(5)
    void theRunsViewFiltersTagsAndComparesRuns() {
        window.tabbedPane("cajal.views").selectTab("Runs");
        window.button("runs.refresh").click();
        window.textBox("runs.filter").setText("xor-grid");
        JTable table = window.table("runs.table").target();
        ui.awaitTrue("the search, the repeats and the best pipeline's runs listed",
                () -> GuiActionRunner.execute(table::getRowCount) >= 2);
        window.table("runs.table").selectRows(0, 1);
        window.button("runs.compare").click();
        ui.awaitTrue("the comparison table", () -> GuiActionRunner.execute(
                () -> window.table("runs.compareTable").target().getRowCount()) >= 2);
        ui.screenshot("runs-compare");

        window.table("runs.table").selectRows(0);
        window.button("runs.tag").click();
        var tagDialog = window.optionPane(org.assertj.swing.timing.Timeout.timeout(WorkbenchWindow.UI_WAIT.toMillis()));
        tagDialog.textBox().enterText("reviewed");
        ui.answer(tagDialog, "OK");
        ui.awaitTrue("the tag in the table", () -> GuiActionRunner.execute(() -> {
            int tags = table.getColumnModel().getColumnIndex("Tags");
            return String.valueOf(table.getValueAt(0, tags)).contains("reviewed");
        }));
        ui.screenshot("runs-tagged");
    }

    @Test
    @Order(6)
    void aDivergingRunShowsItsDiagnosticInPlainLanguage() throws Exception {
        Path dir = cajal.newFolder("wb-diverge");
        Path pipeline = ExperimentsTest.write(dir, "linreg-diverges.json", ExperimentsTest.DIVERGING);
        ui.openFile(pipeline);
        window.tabbedPane("cajal.views").selectTab("Pipeline");
        window.button("toolbar.train").click();
        window.tabbedPane("cajal.views").selectTab("Training");
        ui.awaitTrue("a diagnostic under the charts", () -> GuiActionRunner.execute(() -> {
            JList<?> list = (JList<?>) ui.find("run.diagnostics");
            return list.getModel().getSize() > 0 && list.getModel().getElementAt(0).toString()
                    .contains("learning rate");
        }), EXPERIMENT_WAIT);
        ui.screenshot("training-diagnostics");
    }
}
