package org.cajal.workbench.properties;

import javax.swing.JCheckBox;
import javax.swing.JComponent;

/** A check box for a true/false value; a value in the model that is not a boolean shows the default and its problem. */
final class CheckEditor extends ParameterEditor {

    private final JCheckBox box = new JCheckBox();
    private final boolean fallback;
    private boolean updating;

    /**
     * @param fallback what the box shows when the model has no value (the default)
     */
    CheckEditor(String name, ValueRule rule, boolean fallback) {
        super(name, rule);
        this.fallback = fallback;
        box.setName(name);
        box.setOpaque(false);
        box.addActionListener(e -> {
            if (!updating) {
                entered(ValueRule.Parsed.value(box.isSelected()));
            }
        });
    }

    @Override
    JComponent component() {
        return box;
    }

    @Override
    JCheckBox input() {
        return box;
    }

    @Override
    protected void display(Object value) {
        updating = true;
        try {
            box.setSelected(value instanceof Boolean b ? b : fallback);
        } finally {
            updating = false;
        }
        setProblem(rule.problem(value));
    }
}
