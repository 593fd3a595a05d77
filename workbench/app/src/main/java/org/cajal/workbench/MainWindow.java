package org.cajal.workbench;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.Kind;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Workbench;
import org.cajal.workbench.editor.PipelineEditor;
import org.cajal.workbench.experiments.ExperimentsPanel;
import org.cajal.workbench.help.HelpPanel;
import org.cajal.workbench.palette.PalettePanel;
import org.cajal.workbench.plugins.PluginsPanel;
import org.cajal.workbench.properties.PropertiesPanel;
import org.cajal.workbench.results.ResultsPanel;
import org.cajal.workbench.run.RunPanel;
import org.cajal.workbench.runs.RunsPanel;
import org.osgi.framework.BundleContext;

/**
 * The workbench window: palette on the left; pipeline, training, results, runs, experiments and plugins as tabs in
 * the middle;
 * properties and help on the right; a status line at the bottom. Owns the File, Run, View and Help menus, the
 * window's remembered layout and recent files, and the light/dark theme. Event-dispatch thread only.
 */
final class MainWindow implements Notifier {

    static final String TITLE = "Cajal";
    private static final int MAX_RECENT = 8;
    private static final String PREF_RECENT = "recentFiles";
    private static final String PREF_THEME = "theme";
    private static final String PREF_BOUNDS = "windowBounds";
    private static final String PREF_LEFT = "leftDivider";
    private static final String PREF_RIGHT = "rightDivider";

    private final Workbench workbench;
    private final Preferences prefs;
    private final Runnable onClosed;
    private final JFrame frame = new JFrame(TITLE);
    private final JLabel status = new JLabel(" ");
    private final JTabbedPane centre = new JTabbedPane();
    private final JTabbedPane side = new JTabbedPane();
    private final JMenu recentMenu = new JMenu("Open Recent");
    private final JMenu examplesMenu = new JMenu("Examples");
    private JSplitPane leftSplit;
    private JSplitPane rightSplit;
    private RunPanel runPanel;
    private boolean closing;
    /** True until the starting pipeline is edited or replaced. */
    private boolean pristine = true;
    private List<Path> shownRecent;
    private List<Path> shownExamples;

    MainWindow(BundleContext context, RuntimeServices runtime, ExperimentServices experiments, Path home,
               Path runs, Preferences prefs, ExecutorService background, Runnable onClosed) {
        this.prefs = prefs;
        this.onClosed = onClosed;
        applyTheme(prefs.get(PREF_THEME, "light"));
        this.workbench = new Workbench(context, runtime, new PipelineModel(emptyPipeline(Catalog.EMPTY)), home, runs,
                prefs, background, this);
        workbench.setExperiments(experiments);
        workbench.setPipelineOpener(file -> {
            if (confirmDiscard()) {
                open(file);
            }
        });
        build();
    }

    Workbench workbench() {
        return workbench;
    }

    void catalogChanged(Catalog catalog) {
        workbench.catalogChanged(catalog);
        // the starting pipeline was made before any component was known: remake it from what is installed,
        // as long as the user has not touched it
        SwingUtilities.invokeLater(() -> {
            if (pristine) {
                workbench.pipeline().replace(emptyPipeline(workbench.catalog()), null);
                pristine = true;
            }
        });
    }

    void show(Path open) {
        frame.setVisible(true);
        if (open != null) {
            open(open);
        } else {
            status("Ready — open an example from File > Examples, or compose a pipeline from the palette.");
        }
    }

    void toFront() {
        frame.toFront();
    }

    // ---------------------------------------------------------------- layout

    private void build() {
        frame.setName("cajal.main");
        frame.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        frame.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                exit();
            }
        });

        PalettePanel palette = new PalettePanel(workbench);
        PipelineEditor editor = new PipelineEditor(workbench);
        runPanel = new RunPanel(workbench);
        ResultsPanel results = new ResultsPanel(workbench);
        RunsPanel runsPanel = new RunsPanel(workbench);
        ExperimentsPanel experiments = new ExperimentsPanel(workbench);
        PluginsPanel plugins = new PluginsPanel(workbench);
        PropertiesPanel properties = new PropertiesPanel(workbench);
        HelpPanel help = new HelpPanel(workbench);

        centre.setName("cajal.views");
        centre.addTab("Pipeline", editor.component());
        centre.addTab("Training", runPanel.component());
        centre.addTab("Results", results.component());
        centre.addTab("Runs", runsPanel.component());
        centre.addTab("Experiments", experiments.component());
        centre.addTab("Plugins", plugins.component());
        side.setName("cajal.side");
        side.addTab("Properties", properties.component());
        side.addTab("Help", help.component());

        // a run that starts shows the training view; one that is opened shows the results
        workbench.runs().addTrainingListener(event -> {
            if (event instanceof org.cajal.api.train.TrainingEvent.Started) {
                centre.setSelectedIndex(1);
            }
        });
        workbench.runs().addRunOpenedListener(folder -> centre.setSelectedIndex(2));
        workbench.pipeline().addListener((model, change) -> {
            pristine = false;
            updateTitle();
        });

        rightSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, centre, side);
        rightSplit.setResizeWeight(1.0);
        leftSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, palette.component(), rightSplit);
        leftSplit.setResizeWeight(0.0);

        JPanel root = new JPanel(new BorderLayout());
        root.add(toolbar(), BorderLayout.NORTH);
        root.add(leftSplit, BorderLayout.CENTER);
        status.setName("cajal.status");
        status.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        root.add(status, BorderLayout.SOUTH);
        frame.setContentPane(root);
        frame.setJMenuBar(menus());
        restoreLayout();
        updateTitle();
    }

    private JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(action("New", "file.new", this::newPipeline));
        bar.add(action("Open…", "file.open", this::chooseAndOpen));
        bar.add(action("Save", "file.save", () -> save(false)));
        bar.addSeparator();
        Action train = runPanel.trainAction();
        Action stop = runPanel.stopAction();
        bar.add(train).setName("toolbar.train");
        bar.add(stop).setName("toolbar.stop");
        return bar;
    }

    private JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        JMenu file = new JMenu("File");
        file.setName("menu.file");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(item(action("New", "file.new", this::newPipeline), KeyEvent.VK_N));
        file.add(item(action("Open…", "file.open", this::chooseAndOpen), KeyEvent.VK_O));
        recentMenu.setName("menu.recent");
        file.add(recentMenu);
        examplesMenu.setName("menu.examples");
        file.add(examplesMenu);
        file.addSeparator();
        file.add(item(action("Save", "file.save", () -> save(false)), KeyEvent.VK_S));
        file.add(item(action("Save As…", "file.saveAs", () -> save(true)), 0));
        file.addSeparator();
        file.add(item(action("Exit", "file.exit", this::exit), KeyEvent.VK_Q));
        file.addMenuListener(new javax.swing.event.MenuListener() {
            @Override
            public void menuSelected(javax.swing.event.MenuEvent e) {
                fillRecent();
                fillExamples();
            }

            @Override
            public void menuDeselected(javax.swing.event.MenuEvent e) {
            }

            @Override
            public void menuCanceled(javax.swing.event.MenuEvent e) {
            }
        });
        fillRecent();
        fillExamples();
        bar.add(file);

        JMenu run = new JMenu("Run");
        run.setName("menu.run");
        JMenuItem train = new JMenuItem(runPanel.trainAction());
        train.setName("run.train");
        train.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0));
        run.add(train);
        JMenuItem stop = new JMenuItem(runPanel.stopAction());
        stop.setName("run.stop");
        run.add(stop);
        bar.add(run);

        JMenu view = new JMenu("View");
        view.setName("menu.view");
        ButtonGroup themes = new ButtonGroup();
        for (String theme : List.of("light", "dark")) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(
                    Character.toUpperCase(theme.charAt(0)) + theme.substring(1) + " theme");
            item.setName("view.theme." + theme);
            item.setSelected(theme.equals(prefs.get(PREF_THEME, "light")));
            item.addActionListener(e -> switchTheme(theme));
            themes.add(item);
            view.add(item);
        }
        bar.add(view);

        JMenu help = new JMenu("Help");
        help.setName("menu.help");
        help.add(action("Component Help", "help.components", () -> side.setSelectedIndex(1)));
        help.add(action("About Cajal", "help.about", this::about));
        bar.add(help);
        return bar;
    }

    private static JMenuItem item(Action action, int key) {
        JMenuItem item = new JMenuItem(action);
        item.setName((String) action.getValue(Action.ACTION_COMMAND_KEY));
        if (key != 0) {
            item.setAccelerator(KeyStroke.getKeyStroke(key, java.awt.Toolkit.getDefaultToolkit()
                    .getMenuShortcutKeyMaskEx()));
        }
        return item;
    }

    private static Action action(String label, String name, Runnable body) {
        AbstractAction a = new AbstractAction(label) {
            @Override
            public void actionPerformed(ActionEvent e) {
                body.run();
            }
        };
        a.putValue(Action.ACTION_COMMAND_KEY, name);
        return a;
    }

    // ---------------------------------------------------------------- files

    private void newPipeline() {
        if (!confirmDiscard()) {
            return;
        }
        workbench.pipeline().replace(emptyPipeline(workbench.catalog()), null);
        workbench.selection().clear();
        status("New pipeline: choose a dataset, add layers from the palette, then Train.");
    }

    /**
     * A pipeline to start from: the first installed dataset that needs no file, one output layer, the first
     * optimizer (nothing here names a particular component: all come from the catalog).
     */
    static Pipeline emptyPipeline(Catalog catalog) {
        String dataset = catalog.of(Kind.DATASET).stream()
                .filter(e -> e.descriptor().parameters().stream().noneMatch(p -> p.required()))
                .map(Catalog.Entry::id).findFirst().orElse("csv");
        String layer = catalog.of(Kind.LAYER).stream().map(Catalog.Entry::id)
                .filter(id -> id.equals("output")).findFirst()
                .orElse(catalog.of(Kind.LAYER).stream().map(Catalog.Entry::id).findFirst().orElse("output"));
        String optimizer = catalog.of(Kind.OPTIMIZER).stream().map(Catalog.Entry::id)
                .filter(id -> id.equals("adam")).findFirst()
                .orElse(catalog.of(Kind.OPTIMIZER).stream().map(Catalog.Entry::id).findFirst().orElse("adam"));
        return new Pipeline(Pipeline.SCHEMA_VERSION, "untitled", "", Pipeline.DEFAULT_SEED,
                ComponentRef.of(dataset), List.of(), SplitSpec.DEFAULT,
                new ModelSpec(ModelSpec.LAYER_STACK, null, List.of(ComponentRef.of(layer))),
                new TrainingSpec("categorical-cross-entropy", ComponentRef.of(optimizer), 20, 32));
    }

    private void chooseAndOpen() {
        if (!confirmDiscard()) {
            return;
        }
        JFileChooser chooser = new JFileChooser(workbench.pipeline().baseDirectory().toFile());
        chooser.setFileFilter(new FileNameExtensionFilter("Pipeline files (*.json)", "json"));
        if (chooser.showOpenDialog(frame) == JFileChooser.APPROVE_OPTION) {
            open(chooser.getSelectedFile().toPath());
        }
    }

    /** Opens a pipeline file; a file that does not read shows the runtime's message and changes nothing. */
    void open(Path file) {
        Path path = file.toAbsolutePath().normalize();
        status("Opening " + path + "…");
        try {
            // reading and checking the file is I/O: off the event-dispatch thread
            workbench.background().execute(() -> {
                try {
                    PipelineDocument doc = workbench.runtime().format().read(path);
                    SwingUtilities.invokeLater(() -> opened(path, doc));
                } catch (PipelineException e) {
                    error("Cannot open " + path.getFileName(), e.getMessage());
                } catch (RuntimeException e) {
                    error("Cannot open " + path.getFileName(), String.valueOf(e.getMessage()));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            status("The workbench is closing.");
        }
    }

    private void opened(Path path, PipelineDocument doc) {
        boolean example = path.startsWith(workbench.examplesDirectory().toAbsolutePath().normalize());
        // an example opens as a copy: saving asks where, so the shipped example stays as it is
        workbench.pipeline().replace(doc.pipeline(), example ? null : path);
        workbench.selection().clear();
        if (!example) {
            remember(path);
        }
        status("Opened " + path + (example ? " (an example: Save asks where to keep your copy)" : ""));
    }

    private void save(boolean askWhere) {
        PipelineModel model = workbench.pipeline();
        Path target = askWhere ? null : model.file().orElse(null);
        if (target == null) {
            JFileChooser chooser = new JFileChooser(model.baseDirectory().toFile());
            chooser.setFileFilter(new FileNameExtensionFilter("Pipeline files (*.json)", "json"));
            chooser.setSelectedFile(model.baseDirectory().resolve(safeName(model.get().name()) + ".json").toFile());
            if (chooser.showSaveDialog(frame) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            target = chooser.getSelectedFile().toPath();
            if (!target.getFileName().toString().contains(".")) {
                target = target.resolveSibling(target.getFileName() + ".json");
            }
        }
        saveTo(target);
    }

    /** Writes the pipeline in batch mode's format (atomically); true if written. */
    boolean saveTo(Path target) {
        Path path = target.toAbsolutePath().normalize();
        try {
            String json = workbench.runtime().format().format(workbench.pipeline().get());
            Files.createDirectories(path.getParent());
            Path tmp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    // some network and FUSE file systems cannot rename atomically: a plain replace then
                    Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            error("Cannot save " + path.getFileName(), "Writing " + path + " failed: " + e.getMessage()
                    + "\nChoose another folder with File > Save As.");
            return false;
        }
        workbench.pipeline().saved(path);
        remember(path);
        status("Saved " + path);
        return true;
    }

    private static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]+", "-");
        return s.isBlank() ? "pipeline" : s;
    }

    private boolean confirmDiscard() {
        if (!workbench.pipeline().dirty()) {
            return true;
        }
        int answer = JOptionPane.showConfirmDialog(frame,
                "The pipeline '" + workbench.pipeline().get().name() + "' has unsaved changes. Save them first?",
                "Unsaved changes", JOptionPane.YES_NO_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE);
        if (answer == JOptionPane.YES_OPTION) {
            save(false);
            return !workbench.pipeline().dirty();
        }
        return answer == JOptionPane.NO_OPTION;
    }

    private List<Path> recent() {
        String stored = prefs.get(PREF_RECENT, "");
        return Arrays.stream(stored.split("\n")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private void remember(Path file) {
        List<Path> list = new ArrayList<>(recent());
        list.remove(file);
        list.add(0, file);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        prefs.put(PREF_RECENT, list.stream().map(Path::toString).collect(Collectors.joining("\n")));
        fillRecent();
    }

    private void fillRecent() {
        List<Path> files = recent();
        if (files.equals(shownRecent)) {
            return; // unchanged: keep the items (a menu rebuilt while it opens loses the click)
        }
        shownRecent = files;
        recentMenu.removeAll();
        for (Path p : files) {
            JMenuItem item = new JMenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setName("recent." + p.getFileName());
            item.addActionListener(e -> {
                if (confirmDiscard()) {
                    open(p);
                }
            });
            recentMenu.add(item);
        }
        recentMenu.setEnabled(!files.isEmpty());
    }

    private void fillExamples() {
        List<Path> examples = new ArrayList<>();
        Path dir = workbench.examplesDirectory();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
                s.forEach(examples::add);
            } catch (IOException e) {
                status("Cannot list " + dir + ": " + e.getMessage());
            }
        }
        examples.sort(null);
        if (examples.equals(shownExamples)) {
            return;
        }
        shownExamples = examples;
        examplesMenu.removeAll();
        for (Path p : examples) {
            String name = p.getFileName().toString().replaceFirst("\\.json$", "");
            JMenuItem item = new JMenuItem(name);
            item.setName("example." + name);
            item.addActionListener(e -> {
                if (confirmDiscard()) {
                    open(p);
                }
            });
            examplesMenu.add(item);
        }
        examplesMenu.setEnabled(!examples.isEmpty());
    }

    // ---------------------------------------------------------------- window

    private void updateTitle() {
        PipelineModel m = workbench.pipeline();
        String file = m.file().map(p -> " — " + p.getFileName()).orElse("");
        frame.setTitle((m.dirty() ? "*" : "") + m.get().name() + file + " — " + TITLE);
    }

    private void restoreLayout() {
        String[] b = prefs.get(PREF_BOUNDS, "").split(",");
        if (b.length == 4) {
            try {
                Rectangle r = new Rectangle(Integer.parseInt(b[0]), Integer.parseInt(b[1]), Integer.parseInt(b[2]),
                        Integer.parseInt(b[3]));
                frame.setBounds(r);
            } catch (NumberFormatException e) {
                frame.setSize(new Dimension(1400, 900));
            }
        } else {
            frame.setSize(new Dimension(1400, 900));
            frame.setLocationRelativeTo(null);
        }
        leftSplit.setDividerLocation(prefs.getInt(PREF_LEFT, 290));
        int right = prefs.getInt(PREF_RIGHT, -1);
        rightSplit.setDividerLocation(right > 0 ? right : frame.getWidth() - 290 - 360);
    }

    private void saveLayout() {
        Rectangle r = frame.getBounds();
        prefs.put(PREF_BOUNDS, r.x + "," + r.y + "," + r.width + "," + r.height);
        prefs.putInt(PREF_LEFT, leftSplit.getDividerLocation());
        prefs.putInt(PREF_RIGHT, rightSplit.getDividerLocation());
        try {
            prefs.flush();
        } catch (java.util.prefs.BackingStoreException e) {
            // the layout is only a convenience; nothing to tell the user
        }
    }

    private void exit() {
        if (!confirmDiscard()) {
            return;
        }
        closeWithoutAsking();
    }

    /** Stops a run in progress, remembers the layout and closes the window. */
    void closeWithoutAsking() {
        if (closing) {
            return;
        }
        closing = true;
        runPanel.stopAction().actionPerformed(new ActionEvent(frame, ActionEvent.ACTION_PERFORMED, "stop"));
        saveLayout();
        frame.dispose();
        onClosed.run();
    }

    private void switchTheme(String theme) {
        prefs.put(PREF_THEME, theme);
        applyTheme(theme);
        FlatLaf.updateUI();
    }

    private static void applyTheme(String theme) {
        FlatLaf laf = "dark".equals(theme) ? new FlatDarkLaf() : new FlatLightLaf();
        try {
            UIManager.setLookAndFeel(laf);
        } catch (javax.swing.UnsupportedLookAndFeelException e) {
            return;
        }
        // Swing loads UI delegate classes through this loader: inside OSGi it must be the bundle's
        UIManager.getDefaults().put("ClassLoader", FlatLaf.class.getClassLoader());
    }

    private void about() {
        String components = Arrays.stream(Kind.values())
                .map(k -> workbench.catalog().of(k).size() + " " + k.label().toLowerCase())
                .collect(Collectors.joining(", "));
        JOptionPane.showMessageDialog(frame, "Cajal — a deep-learning workbench.\nInstalled: " + components + ".",
                "About Cajal", JOptionPane.INFORMATION_MESSAGE);
    }

    // ---------------------------------------------------------------- Notifier

    @Override
    public void error(String title, String message) {
        Runnable show = () -> {
            JTextArea text = new JTextArea(message, Math.min(12, message.split("\n").length + 1), 70);
            text.setName("error.message");
            text.setEditable(false);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            status(title);
            JOptionPane.showMessageDialog(frame, new JScrollPane(text), title, JOptionPane.ERROR_MESSAGE);
        };
        if (SwingUtilities.isEventDispatchThread()) {
            show.run();
        } else {
            SwingUtilities.invokeLater(show);
        }
    }

    @Override
    public void status(String message) {
        Runnable set = () -> status.setText(message);
        if (SwingUtilities.isEventDispatchThread()) {
            set.run();
        } else {
            SwingUtilities.invokeLater(set);
        }
    }

}
