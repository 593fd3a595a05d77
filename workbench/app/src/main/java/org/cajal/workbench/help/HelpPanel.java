package org.cajal.workbench.help;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class HelpPanel {

    private final JLabel label = new JLabel("HelpPanel");

    public HelpPanel(Workbench workbench) {
        label.setName("HelpPanel");
    }

    public JComponent component() {
        return label;
    }
}
