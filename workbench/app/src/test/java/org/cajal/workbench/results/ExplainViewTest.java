package org.cajal.workbench.results;

import static org.cajal.workbench.run.FakeWorkbench.flush;
import static org.cajal.workbench.run.FakeWorkbench.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTable;

import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Results view's Explain: shows a run's explain folder, and says so when the explain bundle is missing. */
class ExplainViewTest {

    @TempDir
    Path home;

    @Test
    void showsTheImportanceTableAndTheChartsOfTheRunsExplanation() throws Exception {
        FakeWorkbench fake = new FakeWorkbench(home, home.resolve("runs"));
        Path run = Files.createDirectories(home.resolve("runs/20250101-120000-x/explain")).getParent();
        Files.writeString(run.resolve("explain/importance.csv"), """
                feature,kind,metric,baseline,importance,sd,low95,high95,repeats
                area,numeric,rmse,0.06,0.99,0.09,0.93,1.06,10
                distance,numeric,rmse,0.06,0.31,0.04,0.28,0.34,10
                """);
        for (String chart : List.of("importance", "pdp-area", "pdp-distance")) {
            ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "png",
                    run.resolve("explain/" + chart + ".png").toFile());
        }
        List<ExplainView> view = new ArrayList<>();
        onEdt(() -> {
            view.add(new ExplainView(fake.workbench));
            view.get(0).open(run);
        });
        onEdt(() -> {
            JTable table = find(view.get(0).content(), "explain.table", JTable.class);
            assertEquals(2, table.getRowCount());
            assertEquals("area", table.getValueAt(0, 0));
            assertEquals("0.93", table.getValueAt(0, 2));
            JComboBox<?> charts = find(view.get(0).content(), "explain.charts", JComboBox.class);
            assertEquals(3, charts.getItemCount());
            assertEquals("importance", charts.getItemAt(0));
            assertNotNull(find(view.get(0).content(), "explain.chart", JLabel.class).getIcon());
            assertEquals("Compute again", find(view.get(0).content(), "explain.compute", JButton.class).getText());
            assertTrue(find(view.get(0).component(), "results.explain", JButton.class).isEnabled());
        });
    }

    @Test
    void computeWithoutTheExplainBundleSaysWhichBundleIsMissing() throws Exception {
        FakeWorkbench fake = new FakeWorkbench(home, home.resolve("runs"));
        Path run = Files.createDirectories(home.resolve("runs/20250101-120000-y"));
        List<ExplainView> view = new ArrayList<>();
        onEdt(() -> {
            view.add(new ExplainView(fake.workbench));
            view.get(0).open(run);
            assertTrue(find(view.get(0).content(), "explain.status", JLabel.class).getText()
                    .startsWith("Not explained yet"));
            view.get(0).compute();
        });
        flush();
        assertEquals(List.of("Explain: the command 'explain' is not available: the bundle org.cajal.explain is not "
                + "running"), fake.notifier.errors);
    }

    static <T extends Component> T find(Component root, String name, Class<T> type) {
        if (type.isInstance(root) && name.equals(root.getName())) {
            return type.cast(root);
        }
        if (root instanceof Container c) {
            for (Component child : c.getComponents()) {
                T found = find(child, name, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
