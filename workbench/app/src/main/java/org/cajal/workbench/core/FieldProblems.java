package org.cajal.workbench.core;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;

import javax.swing.JLabel;
import javax.swing.SwingUtilities;

/**
 * The fields of the window that hold a value the pipeline did not take (a red problem under the field): the
 * pipeline keeps the last valid value, so training or saving now would use, or write, something other than what
 * the form shows. Train and Save ask here first and refuse, naming the fields. A field's problem label is named
 * {@code <field>.problem} (the properties forms' convention). Event-dispatch thread.
 */
public final class FieldProblems {

    private FieldProblems() {
    }

    /** {@code "units: value 0 is out of range; allowed: 1 .. 65536"} for each field with a problem, in order. */
    public static List<String> in(Component root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Component c, List<String> out) {
        if (c instanceof JLabel label && label.getName() != null && label.getName().endsWith(".problem")
                && label.getText() != null && !label.getText().isBlank() && label.isDisplayable()) {
            String field = label.getName().substring(0, label.getName().length() - ".problem".length());
            out.add(field.replaceFirst("^param\\.", "") + ": " + label.getText());
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, out);
            }
        }
    }

    /**
     * Whether {@code action} (Train, Save) must wait: true after telling the user which fields to fix, false when
     * every field's value is in the pipeline.
     *
     * @param anyComponent a component of the window
     */
    public static boolean refuse(Workbench workbench, Component anyComponent, String action) {
        Component root = SwingUtilities.getWindowAncestor(anyComponent);
        List<String> problems = in(root != null ? root : anyComponent);
        if (problems.isEmpty()) {
            return false;
        }
        workbench.notifier().error("Cannot " + action.toLowerCase(java.util.Locale.ROOT) + " yet",
                action + " would use the last valid value of " + (problems.size() == 1 ? "this field" : "these fields")
                        + ", not what is shown. Correct " + (problems.size() == 1 ? "it" : "them") + " first:\n"
                        + String.join("\n", problems));
        return true;
    }
}
