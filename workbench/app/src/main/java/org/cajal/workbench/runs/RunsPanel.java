package org.cajal.workbench.runs;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class RunsPanel {

    private final JLabel label = new JLabel("RunsPanel");

    public RunsPanel(Workbench workbench) {
        label.setName("RunsPanel");
    }

    public JComponent component() {
        return label;
    }
}
