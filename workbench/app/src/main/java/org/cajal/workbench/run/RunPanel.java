package org.cajal.workbench.run;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JComponent;
import javax.swing.JLabel;

import org.cajal.workbench.core.Workbench;

/** Placeholder, replaced by the real view. */
public final class RunPanel {

    private final JLabel label = new JLabel("RunPanel");

    public RunPanel(Workbench workbench) {
        label.setName("RunPanel");
    }

    /** Train the current pipeline (menu Run > Train, toolbar). */
    public Action trainAction() {
        return new AbstractAction("Train") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
            }
        };
    }

    /** Stop the run in progress after the current mini-batch. */
    public Action stopAction() {
        return new AbstractAction("Stop") {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
            }
        };
    }

    public JComponent component() {
        return label;
    }
}
