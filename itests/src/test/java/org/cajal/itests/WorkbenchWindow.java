package org.cajal.itests;

import static org.assertj.swing.finder.WindowFinder.findFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

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

/**
 * The workbench window of one test class: opened by the real {@code workbench} command in the shared framework,
 * driven by an AssertJ Swing robot, with the look-ups, waits and screenshots the workbench tests share.
 */
final class WorkbenchWindow {

    static final Duration UI_WAIT = Duration.ofSeconds(30);
    /** How long the workbench command may take to end after its window is closed (framework-shared, busy CI). */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(120);
    private static final int MENU_TRIES = 3;
    private static final int MENU_POPUP_MILLIS = 10_000;

    private final CajalRuntime cajal;
    private final CompletableFuture<CajalRuntime.Outcome> command;
    private final Robot robot;
    private final FrameFixture window;
    private final Path screenshots;
    private final EdtCheck edt;

    private WorkbenchWindow(CajalRuntime cajal, CompletableFuture<CajalRuntime.Outcome> command, Robot robot,
                            FrameFixture window, Path screenshots, EdtCheck edt) {
        this.edt = edt;
        this.cajal = cajal;
        this.command = command;
        this.robot = robot;
        this.window = window;
        this.screenshots = screenshots;
    }

    /**
     * Runs {@code cajal workbench} and finds its window, sized as on a laptop screen (Xvfb has no window manager).
     * From here on, any Swing component changed off the event-dispatch thread (a service callback or training event
     * that did not hop to it) is recorded for {@link #assertNothingChangedOffTheEdt()}.
     */
    static WorkbenchWindow open(CajalRuntime cajal) throws Exception {
        EdtCheck edt = EdtCheck.install();
        Path screenshots = Files.createDirectories(Path.of(System.getProperty("cajal.screenshots",
                "target/screenshots")));
        CompletableFuture<CajalRuntime.Outcome> command = CompletableFuture.supplyAsync(() -> {
            try {
                return cajal.command("workbench");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        Robot robot = BasicRobot.robotWithCurrentAwtHierarchyWithoutScreenLock();
        robot.settings().delayBetweenEvents(20);
        robot.settings().timeoutToFindPopup(MENU_POPUP_MILLIS); // clickMenu tries again rather than wait 30 s
        FrameFixture window = findFrame("cajal.main").withTimeout(UI_WAIT.toMillis()).using(robot);
        window.moveTo(new java.awt.Point(0, 0));
        window.resizeTo(new java.awt.Dimension(1500, 950));
        return new WorkbenchWindow(cajal, command, robot, window, screenshots, edt);
    }

    /** Fails with the places where Swing was touched off the event-dispatch thread since the last call. */
    void assertNothingChangedOffTheEdt() {
        List<String> violations = edt.take();
        org.junit.jupiter.api.Assertions.assertTrue(violations.isEmpty(),
                () -> "Swing touched off the event-dispatch thread:\n" + String.join("\n", violations));
    }

    /**
     * Closes the window (answering No if it asks to save) and checks that the command ended with status 0.
     */
    void close() throws Exception {
        window.close();
        org.assertj.swing.fixture.JOptionPaneFixture pane = null;
        try {
            pane = window.optionPane(org.assertj.swing.timing.Timeout.timeout(UI_WAIT.toMillis()));
        } catch (RuntimeException noDialog) {
            // nothing unsaved
            new ScreenshotTaker().saveDesktopAsPng(screenshots.resolve("closing-" + System.nanoTime() + ".png")
                    .toString());
        }
        if (pane != null) {
            answerNo(pane);
        }
        CajalRuntime.Outcome outcome;
        try {
            outcome = command.get(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the workbench command was still running " + CLOSE_WAIT.toSeconds()
                    + " s after its window was closed\n" + SwingState.describe() + SwingState.threads(), e);
        }
        assertEquals(0, outcome.status(), outcome::toString);
        robot.cleanUp();
    }

    /** Clicks No in the "unsaved changes" question; falls back to the button's own doClick if clicks are dropped. */
    private void answerNo(org.assertj.swing.fixture.JOptionPaneFixture pane) {
        answer(pane, "No");
    }

    /**
     * Clicks a button of a question or input dialog until the dialog closes: twice as a person would, then (Xvfb
     * drops clicks on a new dialog now and then, see the class comment) the button's own doClick, logged with the
     * window state.
     */
    void answer(org.assertj.swing.fixture.JOptionPaneFixture pane, String button) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            pane.buttonWithText(button).click();
            if (closes(pane.target())) {
                return;
            }
        }
        System.err.println("WorkbenchWindow: a dialog ignored 2 clicks on " + button + "; pressing it directly\n"
                + SwingState.describe());
        javax.swing.JButton b = pane.buttonWithText(button).target();
        GuiActionRunner.execute(() -> b.doClick());
        if (!closes(pane.target())) {
            throw new AssertionError("the dialog stayed open after " + button + "\n" + SwingState.describe());
        }
    }

    /**
     * Clicks a menu item by its path ("File", "Open…"), as a person would. A click that does not open the menu's
     * pop-up is tried again after Escape (a busy machine can swallow one); a dialog that blocks the window fails
     * at once with its title and text, and every failure names the windows showing and which one has the focus.
     */
    void clickMenu(String... path) {
        String menu = String.join(" > ", path);
        for (int attempt = 1; ; attempt++) {
            String blocking = SwingState.modalDialogs();
            if (!blocking.isEmpty()) {
                screenshotDesktop("blocked-" + System.nanoTime());
                throw new AssertionError("cannot click " + menu + ": a dialog blocks the window\n" + blocking);
            }
            try {
                window.menuItemWithPath(path).click();
                return;
            } catch (org.assertj.swing.exception.ActionFailedException
                     | org.assertj.swing.exception.ComponentLookupException e) {
                screenshotDesktop("menu-" + System.nanoTime());
                if (attempt == MENU_TRIES) {
                    throw new AssertionError("menu " + menu + " did not open in " + MENU_TRIES + " tries\n"
                            + SwingState.describe(), e);
                }
                robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ESCAPE);
                robot.waitForIdle();
            }
        }
    }

    private void screenshotDesktop(String name) {
        try {
            new ScreenshotTaker().saveDesktopAsPng(screenshots.resolve(name + ".png").toString());
        } catch (RuntimeException e) {
            // the diagnosis goes on without the picture
        }
    }

    FrameFixture frame() {
        return window;
    }

    Robot robot() {
        return robot;
    }

    CajalRuntime cajal() {
        return cajal;
    }

    /** Opens a pipeline file through File > Open… and its file chooser, and waits until the title names it. */
    void openFile(Path file) {
        clickMenu("File", "Open…");
        approve(chooser().selectFile(file.toFile()));
        awaitTrue("title names " + file.getFileName(),
                () -> window.target().getTitle().contains(file.getFileName().toString()));
    }

    /** Saves the pipeline through File > Save As… into the given file, and waits until it exists. */
    void saveAs(Path file) {
        clickMenu("File", "Save As…");
        JFileChooserFixture chooser = chooser();
        chooser.setCurrentDirectory(file.getParent().toFile());
        chooser.fileNameTextBox().setText(file.getFileName().toString());
        approve(chooser);
        awaitTrue("saved " + file.getFileName(), () -> Files.exists(file));
    }

    /** The file chooser dialog that is open now. */
    JFileChooserFixture chooser() {
        return window.fileChooser(org.assertj.swing.timing.Timeout.timeout(10_000));
    }

    /**
     * Presses the chooser's approve button and waits until the dialog is gone. A click that lands while the
     * dialog is still being laid out on a busy machine can miss; it is repeated then, as a person would.
     */
    void approve(JFileChooserFixture chooser) {
        for (int attempt = 1; ; attempt++) {
            if (attempt <= 2) {
                chooser.approve();
            } else if (attempt == 3) {
                // Enter in the file name field approves too, as a person would try next
                chooser.fileNameTextBox().pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ENTER);
            } else {
                // Xvfb (no window manager) sometimes drops every pointer event to a new dialog; the dialog itself
                // works, so approve it the way its button does rather than fail on the X server's account
                System.err.println("WorkbenchWindow: the chooser ignored 2 clicks and Enter; approving it directly "
                        + "(screenshot chooser-stuck-*)\n" + SwingState.describe());
                screenshot("chooser-stuck-" + System.nanoTime());
                GuiActionRunner.execute(() -> chooser.target().approveSelection());
            }
            if (closes(chooser.target())) {
                return;
            }
            if (attempt == 4) {
                throw new AssertionError("the file chooser did not close after 2 clicks on its approve button, Enter, "
                        + "and approveSelection()\n" + SwingState.describe());
            }
        }
    }

    /** Whether a component stops showing within 5 s. */
    private boolean closes(Component dialog) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            robot.waitForIdle();
            if (!GuiActionRunner.execute(dialog::isShowing)) {
                return true;
            }
            pause(100);
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Presses Train and waits for the progress bar to say finished. */
    void trainAndWait(Duration timeout) {
        window.button("toolbar.train").click();
        awaitTrue("training finished", () -> GuiActionRunner.execute(() -> progress().getString())
                .contains("finished"), timeout);
    }

    String cell(String table, int row, String column) {
        return GuiActionRunner.execute(() -> {
            JTable t = (JTable) find(table);
            int c = t.getColumnModel().getColumnIndex(column);
            Object v = t.getValueAt(row, c);
            return v == null ? "" : v.toString();
        });
    }

    String button(String name) {
        return GuiActionRunner.execute(() -> ((javax.swing.AbstractButton) find(name)).getText());
    }

    String label(String name) {
        return GuiActionRunner.execute(() -> ((JLabel) find(name)).getText());
    }

    JProgressBar progress() {
        return (JProgressBar) find("run.progress");
    }

    JTabbedPane tabs(String name) {
        return (JTabbedPane) find(name);
    }

    List<String> tabTitles(String name) {
        return GuiActionRunner.execute(() -> {
            JTabbedPane t = tabs(name);
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < t.getTabCount(); i++) {
                titles.add(t.getTitleAt(i));
            }
            return titles;
        });
    }

    /** Whether the results view shows a drawing now. */
    boolean drawingShown() {
        return robot.finder().findAll(window.target(),
                c -> "results.drawing".equals(c.getName()) && c.isShowing()).size() == 1;
    }

    /**
     * Items in series {@code series} of the first dataset of a JFreeChart ChartPanel (by reflection: the chart
     * classes live in the framework's class loaders, not the test's).
     */
    int chartItems(String panelName, int series) {
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

    /** Every node of the palette tree, one per line. */
    String paletteText() {
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

    Component find(String name) {
        return robot.finder().find(window.target(), c -> name.equals(c.getName()));
    }

    /** Whether the named component exists and is showing. */
    boolean showing(String name) {
        return GuiActionRunner.execute(() -> find(name).isShowing());
    }

    void screenshot(String name) {
        robot.waitForIdle();
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.deleteIfExists(file); // the screenshot taker refuses to overwrite
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        new ScreenshotTaker().saveComponentAsPng(window.target(), file.toString());
    }

    void awaitTrue(String what, BooleanSupplier condition) {
        awaitTrue(what, condition, UI_WAIT);
    }

    void awaitTrue(String what, BooleanSupplier condition, Duration timeout) {
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
                screenshot("timeout-" + System.nanoTime());
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "\n"
                        + SwingState.describe());
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
