package org.cajal.workbench.results;

import java.awt.FlowLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;

/**
 * A row of simple fields generated from a component's {@link ParameterSpec}s — a text field for numbers, text and
 * files, a combo box for choices, a check box for booleans — that collects the values the user typed. Fields are
 * named {@code results.param.<key>}. Event-dispatch thread.
 */
final class ParameterBar {

    private final JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
    private final Map<ParameterSpec, JComponent> fields = new LinkedHashMap<>();

    ParameterBar(ComponentDescriptor descriptor) {
        panel.setOpaque(false);
        for (ParameterSpec spec : descriptor.parameters()) {
            JComponent field = field(spec);
            field.setName("results.param." + spec.key());
            String tip = (spec.help().isEmpty() ? spec.key() : spec.help()) + " (" + spec.rangeText() + ")";
            field.setToolTipText(tip);
            JLabel label = new JLabel(spec.key() + (spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")"));
            label.setToolTipText(tip);
            label.setLabelFor(field);
            panel.add(label);
            panel.add(field);
            fields.put(spec, field);
        }
    }

    JComponent component() {
        return panel;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    private static JComponent field(ParameterSpec spec) {
        Object def = spec.defaultValue();
        return switch (spec.kind()) {
            case BOOLEAN -> new JCheckBox("", Boolean.TRUE.equals(def));
            case CHOICE -> {
                JComboBox<String> box = new JComboBox<>(spec.choices().toArray(String[]::new));
                if (def != null) {
                    box.setSelectedItem(def);
                }
                yield box;
            }
            case INTEGER, NUMBER -> new JTextField(def == null ? "" : def.toString(), 5);
            case STRING, FILE -> new JTextField(def == null ? "" : def.toString(), 10);
        };
    }

    /**
     * The values given, as the spec's Java types; empty fields are left out (the default applies).
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong with its value
     */
    Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<ParameterSpec, JComponent> e : fields.entrySet()) {
            ParameterSpec spec = e.getKey();
            Object value = value(spec, e.getValue());
            if (value == null) {
                if (spec.required()) {
                    throw new IllegalArgumentException(spec.key() + ": a value is required");
                }
                continue;
            }
            spec.problem(value).ifPresent(problem -> {
                throw new IllegalArgumentException(spec.key() + ": " + problem);
            });
            values.put(spec.key(), value);
        }
        return values;
    }

    private static Object value(ParameterSpec spec, JComponent field) {
        if (field instanceof JCheckBox box) {
            return box.isSelected();
        }
        if (field instanceof JComboBox<?> box) {
            return box.getSelectedItem();
        }
        String text = ((JTextField) field).getText().strip();
        if (text.isEmpty()) {
            return null;
        }
        return switch (spec.kind()) {
            case INTEGER -> {
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(spec.key() + ": '" + text + "' is not a whole number");
                }
            }
            case NUMBER -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException(spec.key() + ": '" + text + "' is not a number");
                }
            }
            default -> text;
        };
    }

    /** The keys, in display order (for tests). */
    List<String> keys() {
        return fields.keySet().stream().map(ParameterSpec::key).toList();
    }
}
