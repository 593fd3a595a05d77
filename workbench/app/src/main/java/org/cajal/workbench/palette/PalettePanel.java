package org.cajal.workbench.palette;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.JTree;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.ToolTipManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.event.TreeExpansionEvent;
import javax.swing.event.TreeExpansionListener;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;

import org.cajal.api.ComponentKind;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.Workbench;

/**
 * The palette: every installed component in a tree grouped by kind then category, a search field that filters
 * it, the selected component's help, and "Add to pipeline" (also double-click or Enter on a component). Rebuilt
 * whenever a bundle comes or goes, keeping what was expanded and selected. Event-dispatch thread only.
 */
public final class PalettePanel {

    /** A group node: a kind ("Layers"), or a category inside a kind ("Core layers"). */
    record Group(ComponentKind kind, String category) {
        String key() {
            return category == null ? kind.name() : kind.name() + "/" + category;
        }

        @Override
        public String toString() {
            return category == null ? kind.label() : category;
        }
    }

    /** A component node, shown as "Display Name (id)". */
    record Item(Catalog.Entry entry) {
        String key() {
            return entry.kind().name() + ":" + entry.id();
        }

        @Override
        public String toString() {
            return entry.descriptor().displayName() + " (" + entry.id() + ")";
        }
    }

    private final Workbench workbench;
    private final JPanel panel = new JPanel(new BorderLayout(0, 4));
    private final JTextField search = new JTextField();
    private final DefaultTreeModel treeModel = new DefaultTreeModel(new DefaultMutableTreeNode("Components"));
    private final JTree tree = new PaletteTree(treeModel);
    private final JTextArea help = new JTextArea(6, 20);
    private final JButton add = new JButton("Add to pipeline");
    /** Groups the user collapsed (by {@link Group#key()}); all others are shown expanded. */
    private final Set<String> collapsed = new HashSet<>();
    private boolean rebuilding;

    public PalettePanel(Workbench workbench) {
        this.workbench = workbench;
        build();
        workbench.onCatalogChange(this::rebuild);
        rebuild();
    }

    public JComponent component() {
        return panel;
    }

    private void build() {
        panel.setName("palette");
        search.setName("palette.search");
        tree.setName("palette.tree");
        help.setName("palette.help");
        add.setName("palette.add");

        buildSearch();
        buildTree();

        help.setEditable(false);
        help.setLineWrap(true);
        help.setWrapStyleWord(true);
        help.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));

        add.setToolTipText("Add the selected component to the pipeline (or double-click it, or press Enter)");
        add.setEnabled(false);
        add.addActionListener(e -> addSelected());

        JPanel south = new JPanel(new BorderLayout(0, 4));
        JScrollPane helpScroll = new JScrollPane(help);
        helpScroll.setPreferredSize(new Dimension(200, 110));
        south.add(helpScroll, BorderLayout.CENTER);
        south.add(add, BorderLayout.SOUTH);

        panel.setBorder(BorderFactory.createEmptyBorder(4, 4, 4, 4));
        panel.add(search, BorderLayout.NORTH);
        panel.add(new JScrollPane(tree), BorderLayout.CENTER);
        panel.add(south, BorderLayout.SOUTH);
        showHelp();
    }

    /** The search field: typing filters the tree; Down or Enter moves into it. */
    private void buildSearch() {
        search.putClientProperty("JTextField.placeholderText", "Search components");
        search.putClientProperty("JTextField.showClearButton", true);
        search.setToolTipText("Filter by id, name, category or help text");
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                rebuild();
            }
        });
        search.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, 0), "toTree");
        search.getActionMap().put("toTree", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                selectFirstItem();
                tree.requestFocusInWindow();
            }
        });
        search.addActionListener(e -> {
            if (selectedItem().isEmpty()) {
                selectFirstItem();
            }
            tree.requestFocusInWindow();
        });
    }

    /** The tree: a double click or Enter adds the component; expansion is remembered. */
    private void buildTree() {
        tree.setRootVisible(false);
        tree.setShowsRootHandles(true);
        tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
        ToolTipManager.sharedInstance().registerComponent(tree);
        tree.addTreeSelectionListener(e -> showHelp());
        tree.addTreeExpansionListener(new TreeExpansionListener() {
            @Override
            public void treeExpanded(TreeExpansionEvent e) {
                remember(e.getPath(), false);
            }

            @Override
            public void treeCollapsed(TreeExpansionEvent e) {
                remember(e.getPath(), true);
            }
        });
        tree.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2 && SwingUtilities.isLeftMouseButton(e)) {
                    TreePath path = tree.getPathForLocation(e.getX(), e.getY());
                    if (path != null && item(path).isPresent()) {
                        addSelected();
                    }
                }
            }
        });
        tree.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "addToPipeline");
        tree.getActionMap().put("addToPipeline", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                addSelected();
            }
        });
    }

    // ---------------------------------------------------------------- the tree

    /**
     * The tree for a catalog and a search: kinds (in palette order), their categories, their matching components;
     * groups without a match are left out.
     */
    static DefaultMutableTreeNode tree(Catalog catalog, String query) {
        DefaultMutableTreeNode root = new DefaultMutableTreeNode("Components");
        for (ComponentKind kind : ComponentKind.values()) {
            Map<String, List<Catalog.Entry>> byCategory = new LinkedHashMap<>();
            for (Catalog.Entry e : catalog.of(kind)) {
                if (PaletteActions.matches(e, query)) {
                    byCategory.computeIfAbsent(e.descriptor().category(), c -> new ArrayList<>()).add(e);
                }
            }
            if (byCategory.isEmpty()) {
                continue;
            }
            DefaultMutableTreeNode kindNode = new DefaultMutableTreeNode(new Group(kind, null));
            byCategory.forEach((category, entries) -> {
                DefaultMutableTreeNode categoryNode = new DefaultMutableTreeNode(new Group(kind, category));
                entries.forEach(e -> categoryNode.add(new DefaultMutableTreeNode(new Item(e), false)));
                kindNode.add(categoryNode);
            });
            root.add(kindNode);
        }
        return root;
    }

    /** Rebuilds the tree from the catalog and the search, keeping expansion and selection. */
    private void rebuild() {
        String query = search.getText();
        String selectedKey = selectedItem().map(Item::key).orElse(null);
        rebuilding = true;
        try {
            DefaultMutableTreeNode root = tree(workbench.catalog(), query);
            treeModel.setRoot(root);
            boolean filtering = !query.isBlank();
            expand(root, filtering);
            TreePath reselect = selectedKey == null ? null : find(root, selectedKey);
            if (reselect != null) {
                tree.setSelectionPath(reselect);
                tree.scrollPathToVisible(reselect);
            } else if (filtering) {
                tree.clearSelection();
            }
        } finally {
            rebuilding = false;
        }
        showHelp();
    }

    /** Expands every group, except those the user collapsed (unless a search shows all matches). */
    private void expand(DefaultMutableTreeNode root, boolean all) {
        for (Enumeration<?> kinds = root.children(); kinds.hasMoreElements(); ) {
            DefaultMutableTreeNode kind = (DefaultMutableTreeNode) kinds.nextElement();
            TreePath kindPath = new TreePath(new Object[] {root, kind});
            for (Enumeration<?> cats = kind.children(); cats.hasMoreElements(); ) {
                DefaultMutableTreeNode cat = (DefaultMutableTreeNode) cats.nextElement();
                if (all || !collapsed.contains(((Group) cat.getUserObject()).key())) {
                    tree.expandPath(kindPath.pathByAddingChild(cat));
                }
            }
            if (!all && collapsed.contains(((Group) kind.getUserObject()).key())) {
                tree.collapsePath(kindPath);
            } else {
                tree.expandPath(kindPath);
            }
        }
    }

    private static TreePath find(DefaultMutableTreeNode root, String itemKey) {
        for (Enumeration<?> e = root.depthFirstEnumeration(); e.hasMoreElements(); ) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) e.nextElement();
            if (n.getUserObject() instanceof Item item && item.key().equals(itemKey)) {
                return new TreePath(n.getPath());
            }
        }
        return null;
    }

    private void remember(TreePath path, boolean isCollapsed) {
        if (rebuilding || !search.getText().isBlank()) {
            return;
        }
        Object node = ((DefaultMutableTreeNode) path.getLastPathComponent()).getUserObject();
        if (node instanceof Group g) {
            if (isCollapsed) {
                collapsed.add(g.key());
            } else {
                collapsed.remove(g.key());
            }
        }
    }

    private void selectFirstItem() {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) treeModel.getRoot();
        for (Enumeration<?> e = root.preorderEnumeration(); e.hasMoreElements(); ) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) e.nextElement();
            if (n.getUserObject() instanceof Item) {
                TreePath path = new TreePath(n.getPath());
                tree.setSelectionPath(path);
                tree.scrollPathToVisible(path);
                return;
            }
        }
    }

    private static Optional<Item> item(TreePath path) {
        if (path != null && path.getLastPathComponent() instanceof DefaultMutableTreeNode n
                && n.getUserObject() instanceof Item item) {
            return Optional.of(item);
        }
        return Optional.empty();
    }

    private Optional<Item> selectedItem() {
        return item(tree.getSelectionPath());
    }

    // ---------------------------------------------------------------- help and adding

    private void showHelp() {
        Optional<Item> item = selectedItem();
        add.setEnabled(item.isPresent());
        if (item.isEmpty()) {
            help.setText(workbench.catalog().entries().isEmpty()
                    ? "No components are installed yet: the runtime and its bundles are starting, or none are"
                            + " installed (see Plugins)."
                    : "Select a component to see its help; double-click it (or press Enter, or Add to pipeline)"
                            + " to add it to the pipeline.");
        } else {
            Catalog.Entry e = item.get().entry();
            String text = e.descriptor().help().isBlank() ? "No help text." : e.descriptor().help();
            help.setText(item.get() + " — " + e.descriptor().category() + "\n\n" + text);
        }
        help.setCaretPosition(0);
    }

    /** Adds the selected component to the pipeline and selects the new step. */
    private void addSelected() {
        Optional<Item> item = selectedItem();
        if (item.isEmpty()) {
            return;
        }
        PaletteActions.Outcome o = PaletteActions.add(workbench.pipeline().get(), item.get().entry(),
                workbench.selection().get());
        workbench.pipeline().edit(p -> o.pipeline());
        if (o.select() != null) {
            workbench.selection().select(o.select());
        }
        workbench.notifier().status(o.status());
    }

    /** The tree, with each component's help text as its tooltip. */
    private static final class PaletteTree extends JTree {
        PaletteTree(DefaultTreeModel model) {
            super(model);
        }

        @Override
        public String getToolTipText(MouseEvent event) {
            TreePath path = getPathForLocation(event.getX(), event.getY());
            Optional<Item> item = item(path);
            if (item.isEmpty()) {
                return null;
            }
            String text = item.get().entry().descriptor().help();
            return text.isBlank() ? item.get().toString() : tooltip(text);
        }

        /** Wraps long help text so the tooltip stays readable. */
        private static String tooltip(String text) {
            String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            return "<html><p style='width:300px'>" + escaped + "</p></html>";
        }
    }
}
