package org.cajal.workbench.properties;

import java.awt.Color;
import java.util.Objects;
import java.util.function.Function;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.UIManager;

/**
 * The editor of one value in a form (a text field, a check box or a combo box) with its problem label.
 *
 * <p>What the user enters is read with the field's {@link ValueRule}: a problem is shown in the red problem label
 * (named {@code <name>.problem}, empty text when fine) and nothing is written; a valid value goes to the commit
 * function, which writes it and returns {@code null}, or returns a problem of its own (e.g. a record constructor
 * refused the combination) that is shown instead.
 *
 * <p>{@link #show(Object)} brings a value from the model into the editor. It leaves the editor alone while the
 * user is typing in it (focused) or while it is writing, and when the model still holds the value the editor last
 * showed or wrote, so text the user has not finished (even invalid text) is not overwritten by unrelated edits.
 */
abstract class ParameterEditor {

    /** Error outline of FlatLaf fields. */
    static final String OUTLINE = "JComponent.outline";

    protected final String name;
    protected final ValueRule rule;
    private final JLabel problem = new JLabel();
    private Function<Object, String> commit = value -> null;
    private boolean committing;
    private boolean synced;
    private Object shown;

    ParameterEditor(String name, ValueRule rule) {
        this.name = Objects.requireNonNull(name);
        this.rule = Objects.requireNonNull(rule);
        problem.setName(name + ".problem");
        Color red = UIManager.getColor("Component.error.focusedBorderColor");
        problem.setForeground(red != null ? red : new Color(0xCC, 0x22, 0x22));
    }

    /** Where a valid value goes: returns {@code null} when written, else the problem to show. */
    final void onCommit(Function<Object, String> commitFunction) {
        this.commit = Objects.requireNonNull(commitFunction);
    }

    /** What to put in the form (the field, or the field with its buttons). */
    abstract JComponent component();

    /** The component the user types into or clicks (named {@link #name}). */
    abstract JComponent input();

    /** Puts a model value into the input without writing it back; may show its problem. */
    protected abstract void display(Object value);

    /** The red label under the editor, named {@code <name>.problem}. */
    final JLabel problemLabel() {
        return problem;
    }

    /** The problem shown now, or {@code null}. */
    final String problem() {
        String text = problem.getText();
        return text == null || text.isEmpty() ? null : text;
    }

    /** Shows a value found in the model (see the class comment for when it is left alone). */
    final void show(Object value) {
        if (committing || (synced && (Objects.equals(value, shown) || input().isFocusOwner()))) {
            return;
        }
        synced = true;
        shown = value;
        display(value);
    }

    /** Enables or disables the input (e.g. early stopping's settings while it is off). */
    void setEnabled(boolean enabled) {
        input().setEnabled(enabled);
    }

    /** Called by subclasses with what the user entered. */
    protected final void entered(ValueRule.Parsed parsed) {
        if (!parsed.ok()) {
            setProblem(parsed.problem());
            return;
        }
        committing = true;
        try {
            String refused = commit.apply(parsed.value());
            setProblem(refused);
            if (refused == null) {
                shown = parsed.value();
                synced = true;
            }
        } finally {
            committing = false;
        }
    }

    /** Shows a problem (red text and outline), or clears it for {@code null}. */
    protected final void setProblem(String text) {
        problem.setText(text == null ? "" : text);
        problem.setToolTipText(text); // the whole message, should the form be too narrow for it
        input().putClientProperty(OUTLINE, text == null ? null : "error");
    }

    /** The parameter's help, shown as the input's tooltip. */
    final void setHelp(String help) {
        input().setToolTipText(help == null || help.isEmpty() ? null : help);
    }
}
