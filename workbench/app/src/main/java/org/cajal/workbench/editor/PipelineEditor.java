package org.cajal.workbench.editor;

import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class PipelineEditor {

    private final JLabel label = new JLabel("PipelineEditor");

    public PipelineEditor(Workbench workbench) {
        label.setName("PipelineEditor");
    }

    public JComponent component() {
        return label;
    }
}
