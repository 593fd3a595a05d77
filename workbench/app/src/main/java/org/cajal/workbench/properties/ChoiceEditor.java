package org.cajal.workbench.properties;

import java.util.List;
import java.util.Objects;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JComponent;

/**
 * A combo box of fixed choices. An optional parameter also offers "(default: x)" (or "(not set)"), which removes
 * the value so the default applies. A value in the model that is not one of the choices is added as an extra item
 * and shown with its problem.
 */
final class ChoiceEditor extends ParameterEditor {

    /** One entry of the combo box: a choice, or the "no value" entry ({@code value == null}). */
    record Item(String label, String value) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final JComboBox<Item> combo = new JComboBox<>();
    private final DefaultComboBoxModel<Item> items = new DefaultComboBoxModel<>();
    private final List<String> choices;
    private final Item unset;
    private boolean updating;

    /**
     * @param unsetLabel the label of the "no value" entry, or {@code null} when a value is required
     */
    ChoiceEditor(String name, ValueRule rule, List<String> choices, String unsetLabel) {
        super(name, rule);
        this.choices = List.copyOf(choices);
        this.unset = unsetLabel == null ? null : new Item(unsetLabel, null);
        combo.setName(name);
        combo.setModel(items);
        fill(null);
        combo.addActionListener(e -> {
            if (!updating && combo.getSelectedItem() instanceof Item item) {
                entered(item.value() == null ? rule.parse("") : rule.parse(item.value()));
            }
        });
    }

    @Override
    JComponent component() {
        return combo;
    }

    @Override
    JComboBox<Item> input() {
        return combo;
    }

    @Override
    protected void display(Object value) {
        updating = true;
        try {
            String extra = value != null && !choices.contains(String.valueOf(value)) ? String.valueOf(value) : null;
            fill(extra);
            Item selected = value == null ? unset : find(String.valueOf(value));
            combo.setSelectedItem(selected);
            if (selected == null) {
                combo.setSelectedIndex(-1);
            }
        } finally {
            updating = false;
        }
        setProblem(rule.problem(value));
    }

    private void fill(String extra) {
        items.removeAllElements();
        if (unset != null) {
            items.addElement(unset);
        }
        for (String choice : choices) {
            items.addElement(new Item(choice, choice));
        }
        if (extra != null) {
            items.addElement(new Item(extra + " (not a choice)", extra));
        }
    }

    private Item find(String value) {
        for (int i = 0; i < items.getSize(); i++) {
            Item item = items.getElementAt(i);
            if (Objects.equals(item.value(), value)) {
                return item;
            }
        }
        return null;
    }
}
