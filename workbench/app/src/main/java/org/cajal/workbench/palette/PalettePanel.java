package org.cajal.workbench.palette;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class PalettePanel {

    private final JLabel label = new JLabel("PalettePanel");

    public PalettePanel(Workbench workbench) {
        label.setName("PalettePanel");
    }

    public JComponent component() {
        return label;
    }
}
