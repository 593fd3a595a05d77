package org.cajal.workbench.properties;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;

import javax.swing.BorderFactory;
import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * Read-only text that wraps at word boundaries to the width it is given (help text), looking like a label.
 * Its preferred width is small, so that the form, not the text, decides how wide it is.
 */
final class WrappedText extends JTextArea {

    WrappedText(String text) {
        super(text);
        setEditable(false);
        setLineWrap(true);
        setWrapStyleWord(true);
        setOpaque(false);
        setFocusable(false);
        setBorder(BorderFactory.createEmptyBorder());
        setFont(UIManager.getFont("Label.font"));
        setColumns(12);
    }

    /** Small grey text (a parameter's help under its field). */
    static WrappedText small(String text) {
        WrappedText t = new WrappedText(text);
        Font font = t.getFont();
        if (font != null) {
            t.setFont(font.deriveFont(font.getSize2D() - 1f));
        }
        Color grey = UIManager.getColor("Label.disabledForeground");
        t.setForeground(grey != null ? grey : Color.GRAY);
        return t;
    }

    @Override
    public Dimension getPreferredSize() {
        Dimension d = super.getPreferredSize();
        // wrap to the width given by the layout, instead of asking for the text's full length
        if (getWidth() > 0) {
            d.width = Math.min(d.width, getWidth());
        }
        return d;
    }
}
