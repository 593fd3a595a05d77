package org.cajal.workbench.properties;

import org.cajal.workbench.core.WidthTrackingPanel;

import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;

import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSeparator;

/**
 * A vertical form: titles, wrapped text, section headings and labelled editor rows (label, editor, range hint;
 * help and problem underneath). It tracks the width of a scroll pane's viewport, so wrapped text wraps to it.
 */
final class FormPanel extends WidthTrackingPanel {

    private int row;

    FormPanel() {
        super(new GridBagLayout());
        setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
    }

    /** A bold heading across the form. */
    JLabel addTitle(String text, String name) {
        JLabel title = new JLabel(text);
        title.setName(name);
        Font f = title.getFont();
        if (f != null) {
            title.setFont(f.deriveFont(Font.BOLD, f.getSize2D() + 2f));
        }
        add(title, across(new Insets(0, 0, 6, 0)));
        return title;
    }

    /** A section heading with a rule above it. */
    void addSection(String text) {
        if (row > 0) {
            add(new JSeparator(), across(new Insets(8, 0, 2, 0)));
        }
        JLabel heading = new JLabel(text);
        Font f = heading.getFont();
        if (f != null) {
            heading.setFont(f.deriveFont(Font.BOLD));
        }
        add(heading, across(new Insets(0, 0, 4, 0)));
    }

    /** Any component across the whole width. */
    <T extends JComponent> T addWide(T component) {
        add(component, across(new Insets(0, 0, 8, 0)));
        return component;
    }

    /** Wrapped text across the form. */
    WrappedText addText(String text, String name) {
        WrappedText t = new WrappedText(text);
        t.setName(name);
        return addWide(t);
    }

    /**
     * One editor row: {@code label | editor | hint}, then the help (small, grey) and the problem label under the
     * editor.
     */
    void addRow(String label, ParameterEditor editor, String hint, String help) {
        JLabel l = new JLabel(label);
        l.setName(editor.name + ".label");
        l.setLabelFor(editor.input());
        if (help != null && !help.isEmpty()) {
            l.setToolTipText(help);
        }
        editor.setHelp(help);

        GridBagConstraints c = cell(0, new Insets(4, 0, 0, 8));
        c.anchor = GridBagConstraints.LINE_START;
        add(l, c);
        c = cell(1, new Insets(4, 0, 0, 0));
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        boolean hasHint = hint != null && !hint.isEmpty();
        if (!hasHint) {
            c.gridwidth = 2;
        }
        add(editor.component(), c);
        if (hasHint) {
            JLabel h = new JLabel(hint);
            h.setName(editor.name + ".hint");
            h.setForeground(WrappedText.small("").getForeground());
            add(h, cell(2, new Insets(4, 6, 0, 0)));
        }
        row++;
        if (help != null && !help.isEmpty()) {
            WrappedText helpText = WrappedText.small(help);
            helpText.setName(editor.name + ".help");
            add(helpText, under(new Insets(2, 0, 0, 0)));
            row++;
        }
        // the problem gets the whole width of the form: a range message is longer than the editor column
        GridBagConstraints problem = cell(0, new Insets(1, 0, 2, 0));
        problem.gridwidth = 3;
        problem.fill = GridBagConstraints.HORIZONTAL;
        problem.anchor = GridBagConstraints.LINE_START;
        add(editor.problemLabel(), problem);
        row++;
    }

    /** Pushes the rows to the top. */
    void finish() {
        GridBagConstraints c = across(new Insets(0, 0, 0, 0));
        c.weighty = 1;
        add(new JPanel() {
            {
                setOpaque(false);
            }
        }, c);
    }

    private GridBagConstraints cell(int column, Insets insets) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = column;
        c.gridy = row;
        c.insets = insets;
        return c;
    }

    private GridBagConstraints under(Insets insets) {
        GridBagConstraints c = cell(1, insets);
        c.gridwidth = 2;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.LINE_START;
        return c;
    }

    private GridBagConstraints across(Insets insets) {
        GridBagConstraints c = cell(0, insets);
        c.gridwidth = 3;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.anchor = GridBagConstraints.LINE_START;
        row++;
        return c;
    }
}
