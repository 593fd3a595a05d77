package org.cajal.workbench.properties;

import java.awt.BorderLayout;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTextField;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterKind;
import org.cajal.api.ParameterSpec;

/**
 * A form generated from a component's {@link ComponentDescriptor}: one row per {@link ParameterSpec} with its
 * label (key and unit), an editor by kind, the allowed range, the help (tooltip and small grey text) and a red
 * problem label. Values are checked as the user types; only valid values are passed on.
 *
 * <p>Editors: INTEGER and NUMBER: a text field (an empty field removes the value, so the default applies; the
 * default is the placeholder); BOOLEAN: a check box; CHOICE: a combo box of the choices plus "(default: x)";
 * STRING: a text field; FILE: a text field and a "…" button (paths inside the base directory are stored relative
 * to it). Integers are passed on as {@link Integer}, numbers as {@link Double}. Values given for keys the
 * component does not declare are listed with a "Remove" button.
 *
 * <p>Component names (for tests): the editor of parameter {@code key} is {@code <prefix><key>} (prefix
 * {@code param.} unless given), its problem label {@code <prefix><key>.problem}, its range hint
 * {@code <prefix><key>.hint}, the file button {@code <prefix><key>.browse}, the remove button of an undeclared
 * key {@code <prefix><key>.remove}.
 *
 * <p>Event-dispatch thread only. The properties view uses it for the selected step; other views may use it for
 * any component with parameters (e.g. a visualiser).
 */
public final class ParameterForm {

    /** The name prefix of the editors when none is given. */
    public static final String DEFAULT_PREFIX = "param.";

    private final ComponentDescriptor descriptor;
    private final Consumer<Map<String, Object>> onChange;
    private final FormPanel panel;
    private final Map<String, ParameterEditor> editors = new LinkedHashMap<>();
    private final Set<String> undeclared;
    private Map<String, Object> params;

    /**
     * @param descriptor    the component whose parameters are edited
     * @param params        the current values (as in a pipeline file; absent keys use their default)
     * @param onChange      told the whole new parameter map after every valid change
     * @param baseDirectory the folder that relative file paths resolve against
     */
    public ParameterForm(ComponentDescriptor descriptor, Map<String, Object> params,
                         Consumer<Map<String, Object>> onChange, Supplier<Path> baseDirectory) {
        this(descriptor, params, onChange, baseDirectory, DEFAULT_PREFIX);
    }

    /** As {@link #ParameterForm(ComponentDescriptor, Map, Consumer, Supplier)}, with another name prefix. */
    public ParameterForm(ComponentDescriptor descriptor, Map<String, Object> params,
                         Consumer<Map<String, Object>> onChange, Supplier<Path> baseDirectory, String namePrefix) {
        this(new FormPanel(), descriptor, params, onChange, baseDirectory, namePrefix);
        panel.finish();
    }

    /** Adds the rows to a form that already holds other things (the properties view's title and help). */
    ParameterForm(FormPanel into, ComponentDescriptor descriptor, Map<String, Object> params,
                  Consumer<Map<String, Object>> onChange, Supplier<Path> baseDirectory, String namePrefix) {
        this.descriptor = Objects.requireNonNull(descriptor);
        this.onChange = Objects.requireNonNull(onChange);
        this.panel = into;
        this.params = new LinkedHashMap<>(params);
        this.undeclared = undeclaredKeys(params);
        for (ParameterSpec spec : descriptor.parameters()) {
            ParameterEditor editor = editorFor(spec, namePrefix + spec.key(), baseDirectory);
            editor.onCommit(value -> {
                set(spec.key(), value);
                return null;
            });
            into.addRow(label(spec), editor, hint(spec), spec.help());
            editors.put(spec.key(), editor);
        }
        for (String key : undeclared) {
            ParameterEditor editor = new UndeclaredEditor(namePrefix + key, key, descriptor.displayName());
            editor.onCommit(value -> {
                set(key, null);
                return null;
            });
            into.addRow(key, editor, null, null);
            editors.put(key, editor);
        }
        update(params);
        if (descriptor.parameters().isEmpty() && undeclared.isEmpty()) {
            into.addText(descriptor.displayName() + " has no parameters.", namePrefix + "none");
        }
    }

    /** The form. */
    public JComponent component() {
        return panel;
    }

    /** The component it edits. */
    public ComponentDescriptor descriptor() {
        return descriptor;
    }

    /** The parameter values as edited now. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Whether this form can show these values by {@link #update}: it can unless they name keys the component
     * does not declare, other than those it was built with (then build a new form).
     */
    public boolean fits(Map<String, Object> values) {
        return undeclaredKeys(values).equals(undeclared);
    }

    /**
     * Shows values changed elsewhere (undo, another view). Fields the user is typing in, and fields whose value
     * did not change, are left as they are.
     */
    public void update(Map<String, Object> values) {
        params = new LinkedHashMap<>(values);
        editors.forEach((key, editor) -> editor.show(values.get(key)));
    }

    /** The problems shown now, by parameter key (empty when every field is valid). */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        editors.forEach((key, editor) -> {
            String p = editor.problem();
            if (p != null) {
                problems.put(key, p);
            }
        });
        return problems;
    }

    private void set(String key, Object value) {
        Map<String, Object> next = new LinkedHashMap<>(params);
        if (value == null) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        params = next;
        onChange.accept(Collections.unmodifiableMap(new LinkedHashMap<>(next)));
    }

    private Set<String> undeclaredKeys(Map<String, Object> values) {
        Set<String> keys = new LinkedHashSet<>(values.keySet());
        descriptor.parameters().forEach(p -> keys.remove(p.key()));
        return keys;
    }

    /** The editor for a parameter's kind. */
    static ParameterEditor editorFor(ParameterSpec spec, String name, Supplier<Path> baseDirectory) {
        ValueRule rule = ValueRule.of(spec);
        return switch (spec.kind()) {
            case BOOLEAN -> new CheckEditor(name, rule, Boolean.TRUE.equals(spec.defaultValue()));
            case CHOICE -> new ChoiceEditor(name, rule, spec.choices(), spec.required() && spec.defaultValue() == null
                    ? null : unsetText(spec));
            case FILE -> new TextEditor(name, rule, placeholder(spec), baseDirectory);
            case INTEGER, NUMBER, STRING -> new TextEditor(name, rule, placeholder(spec));
        };
    }

    /** {@code units (neurons)}, with {@code *} when required. */
    static String label(ParameterSpec spec) {
        return spec.key() + (spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")") + (spec.required() ? " *" : "");
    }

    /** The allowed range of numbers ({@code 1 .. 4096}); the other kinds show theirs in the editor. */
    static String hint(ParameterSpec spec) {
        return spec.kind() == ParameterKind.INTEGER || spec.kind() == ParameterKind.NUMBER ? spec.rangeText() : null;
    }

    private static String placeholder(ParameterSpec spec) {
        if (spec.defaultValue() != null) {
            return ValueRule.formatValue(spec.defaultValue());
        }
        return spec.required() ? "required" : "not set";
    }

    private static String unsetText(ParameterSpec spec) {
        return spec.defaultValue() == null ? "(not set)" : "(default: " + spec.defaultValue() + ")";
    }

    /** A value for a key the component does not declare: shown read-only with a button that removes it. */
    private static final class UndeclaredEditor extends ParameterEditor {

        private final JTextField field = new JTextField(8);
        private final JPanel component = new JPanel(new BorderLayout(4, 0));
        private final String problemText;

        UndeclaredEditor(String name, String key, String component) {
            super(name, new ValueRule() {
                @Override
                public Parsed parse(String text) {
                    return Parsed.value(null);
                }

                @Override
                public String problem(Object value) {
                    return null;
                }
            });
            this.problemText = "'" + key + "' is not a parameter of " + component + " and is ignored; remove it";
            field.setName(name);
            field.setEditable(false);
            JButton remove = new JButton("Remove");
            remove.setName(name + ".remove");
            remove.addActionListener(e -> entered(ValueRule.Parsed.value(null)));
            this.component.setOpaque(false);
            this.component.add(field, BorderLayout.CENTER);
            this.component.add(remove, BorderLayout.EAST);
        }

        @Override
        JComponent component() {
            return component;
        }

        @Override
        JComponent input() {
            return field;
        }

        @Override
        protected void display(Object value) {
            field.setText(value == null ? "" : String.valueOf(value));
            setProblem(value == null ? null : problemText);
        }
    }
}
