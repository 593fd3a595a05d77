package org.cajal.workbench.results;

import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.cajal.workbench.run.FakeWorkbench.runFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.JButton;
import javax.swing.JTextField;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsPanelTest {

    @TempDir
    Path home;

    private FakeWorkbench fake;
    private ResultsPanel panel;
    private Path run;

    /** A visualiser for the tests: accepts runs with the given evaluation key, records its renders. */
    static final class TestVisualiser implements Visualiser {
        final ComponentDescriptor descriptor;
        final String needs;
        final String failure;
        final List<Parameters> renders = new CopyOnWriteArrayList<>();

        TestVisualiser(String id, String name, String needs, String failure, ParameterSpec... parameters) {
            this.descriptor = new ComponentDescriptor(id, name, "Test", "Draws " + name, List.of(parameters));
            this.needs = needs;
            this.failure = failure;
        }

        @Override
        public ComponentDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public boolean accepts(RunRecord record) {
            return record.evaluation().containsKey(needs);
        }

        @Override
        public Drawing render(RunRecord record, Parameters parameters) {
            renders.add(parameters);
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return (g, area) -> {
                g.setColor(Color.BLUE);
                g.fill(area);
            };
        }
    }

    private final TestVisualiser histogram = new TestVisualiser("histogram", "Histogram", "accuracy", null,
            ParameterSpec.integer("bins", 10).range(2, 100), ParameterSpec.bool("log", false),
            ParameterSpec.choice("scale", List.of("linear", "log")));
    private final TestVisualiser broken = new TestVisualiser("broken", "Broken", "accuracy",
            "the run has no predictions.csv: train it again");
    private final TestVisualiser regression = new TestVisualiser("residuals", "Residuals", "r2", null);

    @BeforeEach
    void setUp() {
        Path runs = home.resolve("runs");
        run = runFolder(runs, "20240101-100000-iris", "iris", "2024-01-01T10:00:00Z", "finished",
                "epoch,train_loss,validation_loss,validation_accuracy\n1,0.9,0.8,0.6\n",
                "{\"accuracy\": 0.951234, \"f1\": 0.9, \"examples\": 40, \"split\": \"test\","
                        + " \"classes\": [\"a\", \"b\"], \"confusionMatrix\": [[19, 1], [1, 19]]}");
        fake = new FakeWorkbench(home, runs);
        fake.workbench.catalogChanged(catalog(histogram, broken, regression));
        onEdt(() -> panel = new ResultsPanel(fake.workbench));
        flush();
    }

    private static Catalog catalog(Visualiser... visualisers) {
        List<Catalog.Entry> entries = new ArrayList<>();
        for (Visualiser v : visualisers) {
            entries.add(new Catalog.Entry(ComponentKind.VISUALISER, v.descriptor(), v, "test.bundle"));
        }
        return new Catalog(entries);
    }

    private void open() {
        fake.workbench.runs().openRun(run);
        flush();
    }

    private Map<String, String> tableRows() {
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        for (int i = 0; i < panel.table().getRowCount(); i++) {
            rows.put((String) panel.table().getValueAt(i, 0), (String) panel.table().getValueAt(i, 1));
        }
        return rows;
    }

    @Test
    void showsAHintUntilARunIsOpened() {
        var hint = find(panel.component(), "results.hint", javax.swing.JLabel.class);
        assertNotNull(hint);
        assertEquals("Train a pipeline or open a run from the Runs tab.", hint.getText());
        assertTrue(hint.isVisible());
        open();
        assertFalse(hint.isVisible());
    }

    @Test
    void showsTheEvaluationAndOneTabPerAcceptingVisualiser() {
        open();
        assertTrue(panel.title().getText().startsWith("20240101-100000-iris · pipeline iris · finished"),
                panel.title().getText());
        Map<String, String> rows = tableRows();
        assertEquals(List.of("split", "examples", "accuracy", "f1", "classes", "confusionMatrix"),
                List.copyOf(rows.keySet()));
        assertEquals("0.9512", rows.get("accuracy"));
        assertEquals("40", rows.get("examples"));
        assertEquals("a, b", rows.get("classes"));
        assertEquals("[19 1] [1 19]", rows.get("confusionMatrix"));

        var tabs = panel.visualiserTabs();
        assertEquals("results.visualisers", tabs.getName());
        assertEquals(2, tabs.getTabCount());
        assertEquals("Broken", tabs.getTitleAt(0));
        assertEquals("Histogram", tabs.getTitleAt(1));
    }

    @Test
    void rendersTheSelectedTabAndShowsRenderErrorsAsText() {
        open();
        VisualiserView brokenView = panel.views().get(0);
        assertEquals(1, broken.renders.size(), "the selected tab is rendered");
        assertNull(brokenView.canvas().drawing());
        assertEquals("Cannot draw Broken: the run has no predictions.csv: train it again",
                brokenView.canvas().message());
        assertTrue(histogram.renders.isEmpty(), "other tabs render when shown");

        onEdt(() -> panel.visualiserTabs().setSelectedIndex(1));
        flush();
        VisualiserView histogramView = panel.views().get(1);
        assertNotNull(histogramView.canvas().drawing());
        assertEquals(Map.of("bins", 10, "log", false, "scale", "linear"), histogram.renders.get(0).asMap());
    }

    @Test
    void applyRendersAgainWithTheParametersTyped() {
        open();
        onEdt(() -> panel.visualiserTabs().setSelectedIndex(1));
        flush();
        var component = panel.views().get(1).component();
        onEdt(() -> {
            find(component, "results.param.bins", JTextField.class).setText("25");
            find(component, "results.apply", JButton.class).doClick();
        });
        flush();
        assertEquals(2, histogram.renders.size());
        assertEquals(25, histogram.renders.get(1).getInt("bins"));

        onEdt(() -> {
            find(component, "results.param.bins", JTextField.class).setText("1000");
            find(component, "results.apply", JButton.class).doClick();
        });
        flush();
        assertEquals(2, histogram.renders.size(), "an out-of-range value is not rendered");
        assertTrue(panel.views().get(1).canvas().message().contains("bins"),
                panel.views().get(1).canvas().message());
        assertNotNull(find(component, "results.exportPng", JButton.class));
        assertNotNull(find(component, "results.exportSvg", JButton.class));
    }

    @Test
    void followsTheCatalog() {
        open();
        fake.workbench.catalogChanged(catalog(histogram, regression));
        flush();
        assertEquals(1, panel.visualiserTabs().getTabCount());
        assertEquals("Histogram", panel.visualiserTabs().getTitleAt(0));
    }

    @Test
    void aFolderTheRuntimeCannotReadIsReported() {
        fake.workbench.runs().openRun(home.resolve("nowhere"));
        flush();
        assertEquals(1, fake.notifier.errors.size());
        assertTrue(fake.notifier.errors.get(0).startsWith("Cannot open run: "), fake.notifier.errors.toString());
    }

    static <T> T find(java.awt.Container root, String name, Class<T> type) {
        for (java.awt.Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c)) {
                return type.cast(c);
            }
            if (c instanceof java.awt.Container child) {
                T found = find(child, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
