package org.cajal.workbench;

import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;
import java.util.stream.Collectors;

import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

import org.cajal.api.ComponentKind;
import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.Catalog;
import org.cajal.workbench.core.ExperimentServices;
import org.cajal.workbench.core.LossFollower;
import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.RuntimeServices;
import org.cajal.workbench.core.Workbench;
import org.cajal.workbench.diagram.NetworkDiagram;
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
 * the middle; properties and help on the right; a status line at the bottom. The menus and toolbar
 * ({@link MainMenus}), the pipeline files ({@link PipelineFiles}) and what the window remembers
 * ({@link WindowPreferences}: layout and light/dark theme) are their own classes. Event-dispatch thread only.
 */
final class MainWindow implements Notifier, MainMenus.Window {

    static final String TITLE = "Cajal";

    private final Workbench workbench;
    private final WindowPreferences preferences;
    private final Runnable onClosed;
    private final JFrame frame = new JFrame(TITLE);
    private final JLabel status = new JLabel(" ");
    private final JTabbedPane centre = new JTabbedPane();
    private final JTabbedPane side = new JTabbedPane();
    private final PipelineFiles files;
    private JSplitPane leftSplit;
    private JSplitPane rightSplit;
    private RunPanel runPanel;
    private boolean closing;
    /** True until the starting pipeline is edited or replaced. */
    private boolean pristine = true;

    MainWindow(BundleContext context, RuntimeServices runtime, ExperimentServices experiments, Path home,
               Path runs, Preferences prefs, ExecutorService background, Runnable onClosed) {
        this.preferences = new WindowPreferences(prefs);
        this.onClosed = onClosed;
        preferences.applyTheme();
        this.workbench = new Workbench(context, runtime,
                new PipelineModel(PipelineFiles.emptyPipeline(Catalog.EMPTY)), home, runs, prefs, background, this);
        this.files = new PipelineFiles(workbench, prefs, frame, this);
        workbench.setExperiments(experiments);
        new LossFollower(workbench.pipeline(), workbench.summaries(), this);
        workbench.setPipelineOpener(file -> {
            if (files.confirmDiscard()) {
                files.open(file);
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
                workbench.pipeline().replace(PipelineFiles.emptyPipeline(workbench.catalog()), null);
                pristine = true;
            }
        });
    }

    void show(Path open) {
        frame.setVisible(true);
        if (open != null) {
            files.open(open);
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
        buildTabs();

        // a run that starts shows the training view; one that is opened shows the results
        workbench.runs().addTrainingListener(event -> {
            if (event instanceof TrainingEvent.Started) {
                centre.setSelectedIndex(centre.indexOfTab("Training"));
            }
        });
        workbench.runs().addRunOpenedListener(folder -> centre.setSelectedIndex(centre.indexOfTab("Results")));
        workbench.pipeline().addListener((model, change) -> {
            pristine = false;
            updateTitle();
        });

        rightSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, centre, side);
        rightSplit.setResizeWeight(1.0);
        leftSplit = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, palette.component(), rightSplit);
        leftSplit.setResizeWeight(0.0);

        MainMenus menus = new MainMenus(files, runPanel.trainAction(), runPanel.stopAction(), preferences, this);
        JPanel root = new JPanel(new BorderLayout());
        root.add(menus.toolbar(), BorderLayout.NORTH);
        root.add(leftSplit, BorderLayout.CENTER);
        status.setName("cajal.status");
        status.setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        root.add(status, BorderLayout.SOUTH);
        frame.setContentPane(root);
        javax.swing.JMenuBar bar = menus.menus();
        bar.add(new EditMenu(workbench.pipeline(), this).menu(), 1);
        frame.setJMenuBar(bar);
        preferences.restoreLayout(frame, leftSplit, rightSplit);
        rightSplit.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                keepPropertiesReadable();
            }
        });
        updateTitle();
    }

    /** The views in the middle and on the right, in the order they were made before. */
    private void buildTabs() {
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
        centre.addTab("Diagram", new NetworkDiagram(workbench).component());
        centre.addTab("Training", runPanel.component());
        centre.addTab("Results", results.component());
        centre.addTab("Runs", runsPanel.component());
        centre.addTab("Experiments", experiments.component());
        centre.addTab("Plugins", plugins.component());
        side.setName("cajal.side");
        side.addTab("Properties", properties.component());
        side.addTab("Help", help.component());
    }

    /** The properties forms' width (label, field, range) below which a field has no room left. */
    static final int PROPERTIES_MIN_WIDTH = 340;

    /** Widens the properties side to {@link #PROPERTIES_MIN_WIDTH} when a smaller window or old layout squeezed it. */
    private void keepPropertiesReadable() {
        int width = rightSplit.getWidth();
        int side = width - rightSplit.getDividerLocation() - rightSplit.getDividerSize();
        if (width > 2 * PROPERTIES_MIN_WIDTH && side < PROPERTIES_MIN_WIDTH) {
            rightSplit.setDividerLocation(width - PROPERTIES_MIN_WIDTH - rightSplit.getDividerSize());
        }
    }

    // ---------------------------------------------------------------- window

    private void updateTitle() {
        PipelineModel m = workbench.pipeline();
        String file = m.file().map(p -> " — " + p.getFileName()).orElse("");
        frame.setTitle((m.dirty() ? "*" : "") + m.get().name() + file + " — " + TITLE);
    }

    @Override
    public void exit() {
        if (!files.confirmDiscard()) {
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
        preferences.saveLayout(frame, leftSplit, rightSplit);
        frame.dispose();
        onClosed.run();
    }

    @Override
    public void showHelp() {
        side.setSelectedIndex(1);
    }

    @Override
    public void about() {
        String components = Arrays.stream(ComponentKind.values())
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
