package org.cajal.workbench.plugins;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class PluginsPanel {

    private final JLabel label = new JLabel("PluginsPanel");

    public PluginsPanel(Workbench workbench) {
        label.setName("PluginsPanel");
    }

    public JComponent component() {
        return label;
    }
}
