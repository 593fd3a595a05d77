package org.cajal.workbench.properties;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class PropertiesPanel {

    private final JLabel label = new JLabel("PropertiesPanel");

    public PropertiesPanel(Workbench workbench) {
        label.setName("PropertiesPanel");
    }

    public JComponent component() {
        return label;
    }
}
