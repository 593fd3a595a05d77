package org.cajal.workbench.results;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class ResultsPanel {

    private final JLabel label = new JLabel("ResultsPanel");

    public ResultsPanel(Workbench workbench) {
        label.setName("ResultsPanel");
    }

    public JComponent component() {
        return label;
    }
}
