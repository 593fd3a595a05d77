package org.cajal.workbench.experiments;

import java.awt.BorderLayout;
import java.awt.event.HierarchyEvent;

import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;

import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Workbench;

/**
 * The "Experiments" view, on the pipeline open in the editor: Search (hyperparameter search), Repeats (over
 * seeds, mean ± sd and 95% interval, mean curve with its band), Compare (corrected resampled t-test of two
 * configurations) and Sweep (capacity: error against a width, depth or the epochs). Experiments run into the
 * workbench's runs folder through the experiments bundle's services; without them Start is disabled and its
 * tooltip says why. Event-dispatch thread.
 *
 * <p>Above the tabs, a Spark master field ({@link SparkMasterField}) sends the trials of Search, Repeats and Sweep
 * to an Apache Spark cluster instead of this computer's threads.
 *
 * <p>Swing names: {@code experiments.tabs} (tabs "Search", "Repeats", "Compare", "Sweep"), and those listed on
 * {@link SearchTab}, {@link RepeatsTab}, {@link CompareTab} and {@link SweepTab}.
 */
public final class ExperimentsPanel {

    private final JPanel panel = new JPanel(new BorderLayout());
    private final JTabbedPane tabs = new JTabbedPane();
    private final SearchTab search;
    private final RepeatsTab repeats;
    private final CompareTab compare;
    private final SweepTab sweep;
    private final SparkMasterField spark;

    public ExperimentsPanel(Workbench workbench) {
        search = new SearchTab(workbench);
        compare = new CompareTab(workbench);
        repeats = new RepeatsTab(workbench, compare::repeatsDone);
        sweep = new SweepTab(workbench);
        spark = new SparkMasterField(workbench.preferences());
        search.runOn(spark::cluster);
        repeats.runOn(spark::cluster);
        sweep.runOn(spark::cluster);
        panel.setName("ExperimentsPanel");
        tabs.setName("experiments.tabs");
        tabs.addTab("Search", search.component());
        tabs.addTab("Repeats", repeats.component());
        tabs.addTab("Compare", compare.component());
        tabs.addTab("Sweep", sweep.component());
        panel.add(tabs, BorderLayout.CENTER);
        panel.add(spark.component(), BorderLayout.NORTH);
        // services come and go with the experiments bundle
        workbench.onCatalogChange(this::update);
        // suggestions for the pipeline open now, when the view is first shown
        panel.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && panel.isShowing()) {
                search.prefillIfUntouched();
                sweep.prefillIfUntouched();
                update();
            }
        });
        // another pipeline opened: new suggestions, unless the user has edited the old ones
        workbench.pipeline().addListener((model, change) -> {
            if (change == PipelineModel.Change.REPLACED && panel.isShowing()) {
                search.prefillIfUntouched();
                sweep.prefillIfUntouched();
            }
        });
    }

    public JComponent component() {
        return panel;
    }

    private void update() {
        search.update();
        repeats.update();
        compare.update();
        sweep.update();
    }

    // ---------------------------------------------------------------- for tests

    SearchTab search() {
        return search;
    }

    RepeatsTab repeats() {
        return repeats;
    }

    CompareTab compare() {
        return compare;
    }

    SweepTab sweep() {
        return sweep;
    }

    JTabbedPane tabs() {
        return tabs;
    }
}
