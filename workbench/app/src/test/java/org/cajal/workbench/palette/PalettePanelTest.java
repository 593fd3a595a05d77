package org.cajal.workbench.palette;

import static org.cajal.workbench.editor.EditorFixtures.await;
import static org.cajal.workbench.editor.EditorFixtures.entry;
import static org.cajal.workbench.editor.EditorFixtures.find;
import static org.cajal.workbench.editor.EditorFixtures.onEdt;
import static org.cajal.workbench.editor.EditorFixtures.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Step;
import org.cajal.workbench.core.Workbench;
import org.cajal.workbench.editor.EditorFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PalettePanelTest {

    private final ExecutorService background = EditorFixtures.background();
    private final EditorFixtures.RecordingNotifier notifier = new EditorFixtures.RecordingNotifier();
    private Workbench workbench;
    private JComponent view;

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    private void open(Pipeline p) {
        workbench = EditorFixtures.workbench(EditorFixtures.catalog(), new EditorFixtures.FakeRunner(), p,
                background, notifier);
        view = onEdt(() -> new PalettePanel(workbench).component());
    }

    /** The labels of the leaves of a tree. */
    private static List<String> leaves(DefaultMutableTreeNode root) {
        List<String> out = new ArrayList<>();
        for (Enumeration<?> e = root.preorderEnumeration(); e.hasMoreElements(); ) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) e.nextElement();
            if (n.getUserObject() instanceof PalettePanel.Item item) {
                out.add(item.toString());
            }
        }
        return out;
    }

    /** The visible rows of the palette tree (expanded groups and their components). */
    private List<String> visibleRows() {
        return onEdt(() -> {
            JTree tree = find(view, "palette.tree", JTree.class);
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < tree.getRowCount(); i++) {
                rows.add(tree.getPathForRow(i).getLastPathComponent().toString());
            }
            return rows;
        });
    }

    @Test
    void theTreeGroupsByKindThenCategory() {
        DefaultMutableTreeNode root = PalettePanel.tree(EditorFixtures.catalog(), "");
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < root.getChildCount(); i++) {
            kinds.add(root.getChildAt(i).toString());
        }
        assertEquals(List.of("Datasets", "Preprocessing", "Layers", "Optimizers", "Architectures", "Visualisers"),
                kinds);
        DefaultMutableTreeNode layers = (DefaultMutableTreeNode) root.getChildAt(2);
        assertEquals("Convolutional layers", layers.getChildAt(0).toString());
        assertEquals("Core layers", layers.getChildAt(1).toString());
        assertEquals("Dense (dense)", layers.getChildAt(1).getChildAt(0).toString());
    }

    @Test
    void searchMatchesIdNameCategoryAndHelpIgnoringCase() {
        Catalog c = EditorFixtures.catalog();
        assertEquals(List.of("Dense (dense)"), leaves(PalettePanel.tree(c, "DENSE")));
        assertEquals(List.of("Convolution 2D (conv2d)"), leaves(PalettePanel.tree(c, "images")));
        assertEquals(List.of("Convolution 2D (conv2d)"), leaves(PalettePanel.tree(c, "convolutional")));
        assertEquals(List.of("Two moons (moons)"), leaves(PalettePanel.tree(c, "synthetic half")));
        assertEquals(List.of("Adam (adam)"), leaves(PalettePanel.tree(c, "adam")));
        assertEquals(List.of(), leaves(PalettePanel.tree(c, "nothing like this")));
        assertEquals(10, leaves(PalettePanel.tree(c, "  ")).size());
    }

    @Test
    void typingInTheSearchFieldFiltersAndExpandsMatches() {
        open(pipeline("output"));
        assertTrue(visibleRows().contains("Dense (dense)"));
        onEdt(() -> find(view, "palette.search", JTextField.class).setText("fully connected"));
        assertEquals(List.of("Layers", "Core layers", "Dense (dense)"), visibleRows());
        onEdt(() -> find(view, "palette.search", JTextField.class).setText(""));
        assertEquals(24, visibleRows().size()); // 6 kinds, 8 categories, 10 components, all expanded
    }

    @Test
    void collapsedGroupsStayCollapsedWhenTheCatalogChanges() {
        open(pipeline("output"));
        onEdt(() -> {
            JTree tree = find(view, "palette.tree", JTree.class);
            for (int i = 0; i < tree.getRowCount(); i++) {
                if (tree.getPathForRow(i).getLastPathComponent().toString().equals("Datasets")) {
                    tree.collapseRow(i);
                }
            }
        });
        assertFalse(visibleRows().contains("Two moons (moons)"));
        List<Catalog.Entry> more = new ArrayList<>(EditorFixtures.catalog().entries());
        more.add(entry(ComponentKind.LAYER_TYPE, "lstm", "LSTM", "Recurrent layers", "A long short-term memory layer."));
        workbench.catalogChanged(new Catalog(more));
        await("lstm shown", () -> visibleRows().contains("LSTM (lstm)"));
        assertFalse(visibleRows().contains("Two moons (moons)"));
        assertTrue(visibleRows().contains("Datasets"));
    }

    @Test
    void aRemovedComponentDisappearsAndTheSelectionIsKept() {
        open(pipeline("output"));
        onEdt(() -> select("Adam (adam)"));
        assertTrue(onEdt(() -> find(view, "palette.help", JTextArea.class).getText().contains("Adaptive moments.")));
        List<Catalog.Entry> fewer = new ArrayList<>(EditorFixtures.catalog().entries());
        fewer.removeIf(e -> e.id().equals("conv2d"));
        workbench.catalogChanged(new Catalog(fewer));
        await("conv2d gone", () -> !visibleRows().contains("Convolution 2D (conv2d)"));
        assertEquals("Adam (adam)", onEdt(() -> find(view, "palette.tree", JTree.class).getSelectionPath()
                .getLastPathComponent().toString()));
    }

    private void select(String label) {
        JTree tree = find(view, "palette.tree", JTree.class);
        for (int i = 0; i < tree.getRowCount(); i++) {
            TreePath path = tree.getPathForRow(i);
            if (path.getLastPathComponent().toString().equals(label)) {
                tree.setSelectionPath(path);
                return;
            }
        }
        throw new AssertionError(label + " is not shown");
    }

    @Test
    void addToPipelineInsertsALayerBeforeTheOutputLayerAndSelectsIt() {
        open(pipeline("dense", "output"));
        assertFalse(onEdt(() -> find(view, "palette.add", JButton.class).isEnabled()));
        onEdt(() -> select("Convolution 2D (conv2d)"));
        onEdt(() -> find(view, "palette.add", JButton.class).doClick());
        assertEquals(List.of("dense", "conv2d", "output"), onEdt(() -> workbench.pipeline().get().model().layers()
                .stream().map(ComponentRef::type).toList()));
        assertEquals(Optional.of(Step.layer(1)), onEdt(() -> workbench.selection().get()));
        assertTrue(notifier.statuses.contains("Added layer Convolution 2D (conv2d) at position 1."));
    }

    @Test
    void eachKindIsAddedItsOwnWay() {
        Catalog c = EditorFixtures.catalog();
        Pipeline p = pipeline("dense", "output");
        PaletteActions.Outcome o = PaletteActions.add(p, c.find(ComponentKind.DATASET, "csv").orElseThrow(),
                Optional.empty());
        assertEquals(ComponentRef.of("csv"), o.pipeline().dataset());
        assertEquals(Step.DATASET, o.select());

        o = PaletteActions.add(p, c.find(ComponentKind.PREPROCESSOR, "standardise").orElseThrow(), Optional.empty());
        assertEquals(List.of(ComponentRef.of("standardise")), o.pipeline().preprocessing());
        assertEquals(Step.preprocessing(0), o.select());

        o = PaletteActions.add(p, c.find(ComponentKind.LAYER_TYPE, "conv2d").orElseThrow(), Optional.of(Step.layer(1)));
        assertEquals(ComponentRef.of("conv2d"), o.pipeline().model().layers().get(2));

        o = PaletteActions.add(p, c.find(ComponentKind.OPTIMIZER, "sgd").orElseThrow(), Optional.empty());
        assertEquals(ComponentRef.of("sgd"), o.pipeline().training().optimizer());
        assertEquals(Step.OPTIMIZER, o.select());

        o = PaletteActions.add(p, c.find(ComponentKind.ARCHITECTURE, "resnet").orElseThrow(), Optional.empty());
        assertEquals("resnet", o.pipeline().model().architecture());
        assertEquals(p.model().layers(), o.pipeline().model().layers());
        assertEquals(Step.ARCHITECTURE, o.select());

        o = PaletteActions.add(p, c.find(ComponentKind.VISUALISER, "loss-curve").orElseThrow(), Optional.empty());
        assertSame(p, o.pipeline());
        assertNull(o.select());
        assertTrue(o.status().contains("Results"));
    }
}
