package org.cajal.workbench.results;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.table.DefaultTableModel;

import org.cajal.api.ComponentKind;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.run.Provenance;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.runfolder.RunFolders;
import org.cajal.workbench.core.Messages;
import org.cajal.workbench.core.Metrics;
import org.cajal.workbench.core.Workbench;

/**
 * The "Results" view: the run last opened (a run that finished, or one picked in the Runs view) — its id,
 * pipeline, status and start, its evaluation as a table, and one tab per installed visualiser that has something
 * to show for it. The run folder is read with the runtime's {@code record} on the background executor; a newer
 * request overtakes an older one. The tabs follow the catalog: a visualiser installed or removed while a run is
 * shown adds or removes its tab. Event-dispatch thread.
 *
 * <p>Swing names: {@code results.hint}, {@code results.title}, {@code results.table},
 * {@code results.visualisers}, {@code results.diagnostics} (the run's diagnostics.json as lines, under the
 * table), and in each tab {@code results.visualiser.<id>}, {@code results.param.<key>},
 * {@code results.apply}, {@code results.drawing}, {@code results.exportPng}, {@code results.exportSvg}.
 */
public final class ResultsPanel {

    static final String HINT = "Train a pipeline or open a run from the Runs tab.";
    private static final String CARD_HINT = "hint";
    private static final String CARD_RUN = "run";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final Workbench workbench;
    private final CardLayout cards = new CardLayout();
    private final JPanel panel = new JPanel(cards);
    private final JLabel hint = new JLabel(HINT, SwingConstants.CENTER);
    private final JLabel title = new JLabel(" ");
    private final DefaultTableModel evaluation = new DefaultTableModel(new Object[] {"Metric", "Value"}, 0) {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JTable table = new JTable(evaluation);
    private final JTextArea diagnostics = new JTextArea(5, 24);
    private final JTabbedPane visualisers = new JTabbedPane();
    /** The views now shown, in tab order. */
    private final List<VisualiserView> views = new ArrayList<>();

    private RunRecord record;
    private final ExplainView explain;
    private int generation;
    /** Set while the tabs are rebuilt, so that selection changes then render nothing. */
    private boolean rebuilding;

    public ResultsPanel(Workbench workbench) {
        this.workbench = workbench;
        this.explain = new ExplainView(workbench);
        build();
        workbench.runs().addRunOpenedListener(this::open);
        workbench.onCatalogChange(this::catalogChanged);
    }

    public JComponent component() {
        return panel;
    }

    private void build() {
        panel.setName("ResultsPanel");
        hint.setName("results.hint");
        title.setName("results.title");
        title.setBorder(BorderFactory.createEmptyBorder(6, 8, 6, 8));
        table.setName("results.table");
        table.setFillsViewportHeight(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(110);
        table.getColumnModel().getColumn(1).setPreferredWidth(170);
        visualisers.setName("results.visualisers");
        visualisers.addChangeListener(e -> renderSelected());

        JScrollPane tableScroll = new JScrollPane(table);
        tableScroll.setPreferredSize(new Dimension(280, 300));
        diagnostics.setName("results.diagnostics");
        diagnostics.setEditable(false);
        diagnostics.setLineWrap(true);
        diagnostics.setWrapStyleWord(true);
        JSplitPane left = new JSplitPane(JSplitPane.VERTICAL_SPLIT, tableScroll, new JScrollPane(diagnostics));
        left.setResizeWeight(0.7);
        left.setBorder(null);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, left, visualisers);
        split.setResizeWeight(0.0);
        split.setBorder(null);

        JPanel run = new JPanel(new BorderLayout());
        run.add(title, BorderLayout.NORTH);
        run.add(split, BorderLayout.CENTER);
        run.add(explain.component(), BorderLayout.SOUTH);

        panel.add(hint, CARD_HINT);
        panel.add(run, CARD_RUN);
        cards.show(panel, CARD_HINT);
    }

    /** Shows this run folder: reads it on the background executor, then fills the table and the tabs. */
    public void open(Path folder) {
        int mine = ++generation;
        explain.open(folder);
        title.setText("Reading " + folder.getFileName() + "…");
        cards.show(panel, CARD_RUN);
        workbench.background().execute(() -> {
            try {
                RunRecord loaded = workbench.runtime().reader().record(folder);
                String heading = heading(loaded);
                List<Visualiser> accepted = accepted(loaded);
                String notes = diagnosticsText(folder);
                SwingUtilities.invokeLater(() -> {
                    shown(mine, loaded, heading, accepted);
                    if (mine == generation) {
                        diagnostics.setText(notes);
                        diagnostics.setCaretPosition(0);
                    }
                });
            } catch (PipelineException e) {
                SwingUtilities.invokeLater(() -> failed(mine, e.getMessage()));
            } catch (RuntimeException e) {
                String message = "Cannot read the run folder " + folder + ": "
                        + Messages.of(e);
                SwingUtilities.invokeLater(() -> failed(mine, message));
            }
        });
    }

    private void failed(int mine, String message) {
        if (mine != generation) {
            return;
        }
        if (record == null) {
            cards.show(panel, CARD_HINT);
        } else {
            title.setText(heading(record));
        }
        workbench.notifier().error("Cannot open run", message);
    }

    private void shown(int mine, RunRecord loaded, String heading, List<Visualiser> accepted) {
        if (mine != generation) {
            return;
        }
        record = loaded;
        title.setText(heading);
        evaluation.setRowCount(0);
        if (loaded.evaluation().isEmpty()) {
            evaluation.addRow(new Object[] {"evaluation", "none (the run ended before it was evaluated)"});
        }
        for (Map.Entry<String, String> row : Metrics.rows(loaded.evaluation())) {
            evaluation.addRow(new Object[] {row.getKey(), row.getValue()});
        }
        setTabs(accepted);
        cards.show(panel, CARD_RUN);
    }

    /** The run's diagnostics as text: one per line, or a line saying there are none. Any thread. */
    static String diagnosticsText(Path folder) {
        try {
            List<String> lines = org.cajal.workbench.run.Diagnostics.read(folder);
            return lines.isEmpty() ? "Diagnostics: none recorded for this run."
                    : "Diagnostics:\n" + String.join("\n", lines);
        } catch (IOException e) {
            return "Diagnostics could not be read: " + e.getMessage();
        }
    }

    /** The visualisers installed now that accept the run (one that fails to answer is left out). Any thread. */
    private List<Visualiser> accepted(RunRecord run) {
        List<Visualiser> out = new ArrayList<>();
        for (Visualiser v : workbench.catalog().services(ComponentKind.VISUALISER, Visualiser.class)) {
            try {
                if (v.accepts(run)) {
                    out.add(v);
                }
            } catch (RuntimeException | LinkageError e) {
                // a visualiser that cannot decide has nothing to show for this run
            }
        }
        return out;
    }

    private void catalogChanged() {
        RunRecord shownRecord = record;
        if (shownRecord == null) {
            return;
        }
        int mine = generation;
        workbench.background().execute(() -> {
            List<Visualiser> accepted = accepted(shownRecord);
            SwingUtilities.invokeLater(() -> {
                if (mine == generation && record == shownRecord) {
                    setTabs(accepted);
                }
            });
        });
    }

    /** Shows one tab per visualiser, keeping the views (and drawings) of visualisers still there. */
    private void setTabs(List<Visualiser> accepted) {
        String selected = visualisers.getSelectedIndex() >= 0 && visualisers.getSelectedIndex() < views.size()
                ? views.get(visualisers.getSelectedIndex()).visualiser().id() : null;
        Map<Visualiser, VisualiserView> kept = new HashMap<>();
        for (VisualiserView v : views) {
            if (v.record() == record) {
                kept.put(v.visualiser(), v);
            }
        }
        views.clear();
        for (Visualiser v : accepted) {
            views.add(kept.containsKey(v) ? kept.get(v) : new VisualiserView(workbench, v, record));
        }
        rebuilding = true;
        try {
            visualisers.removeAll();
            int select = 0;
            for (int i = 0; i < views.size(); i++) {
                VisualiserView view = views.get(i);
                visualisers.addTab(view.visualiser().descriptor().displayName(), null, view.component(),
                        view.visualiser().descriptor().help());
                if (view.visualiser().id().equals(selected)) {
                    select = i;
                }
            }
            if (!views.isEmpty()) {
                visualisers.setSelectedIndex(select);
            }
        } finally {
            rebuilding = false;
        }
        renderSelected();
    }

    private void renderSelected() {
        if (rebuilding) {
            return;
        }
        int i = visualisers.getSelectedIndex();
        if (i >= 0 && i < views.size()) {
            views.get(i).ensureRendered();
        }
    }

    /** "run-id · pipeline iris · finished · started 2024-05-01 10:11:12", from the record and provenance.json. */
    private static String heading(RunRecord run) {
        StringBuilder s = new StringBuilder(run.runId());
        try {
            Provenance provenance = RunFolders.provenance(run.folder());
            provenance.pipeline().filter(p -> !p.isBlank()).ifPresent(p -> s.append(" · pipeline ").append(p));
            provenance.status().ifPresent(st -> s.append(" · ").append(st.id()));
            provenance.start().ifPresent(start -> s.append(" · started ").append(TIME.format(start)));
        } catch (IOException e) {
            // no readable provenance: the run id alone
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- for tests

    JTable table() {
        return table;
    }

    JTabbedPane visualiserTabs() {
        return visualisers;
    }

    List<VisualiserView> views() {
        return List.copyOf(views);
    }

    JLabel title() {
        return title;
    }

    JTextArea diagnosticsArea() {
        return diagnostics;
    }
}
