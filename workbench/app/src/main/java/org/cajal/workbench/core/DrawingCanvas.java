package org.cajal.workbench.core;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;

import javax.swing.JComponent;
import javax.swing.UIManager;

import org.cajal.api.visual.Drawing;

/**
 * Paints a visualiser's {@link Drawing} at the component's size, or a one-line message (rendering, an error) in
 * its place. A drawing that fails while painting is replaced by its message. Named {@code results.drawing} unless
 * its user names it otherwise. Event-dispatch thread.
 */
public final class DrawingCanvas extends JComponent {

    private static final long serialVersionUID = 1L;

    private transient Drawing drawing;
    private String message = "";

    public DrawingCanvas() {
        setName("results.drawing");
        setPreferredSize(new Dimension(600, 420));
        setOpaque(true);
    }

    /** Shows the drawing. */
    public void setDrawing(Drawing d) {
        drawing = d;
        message = "";
        repaint();
    }

    /** Shows a message instead of a drawing. */
    public void setMessage(String text) {
        drawing = null;
        message = text == null ? "" : text;
        repaint();
    }

    public Drawing drawing() {
        return drawing;
    }

    public String message() {
        return message;
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (drawing != null) {
                g2.setColor(Color.WHITE);
                g2.fillRect(0, 0, getWidth(), getHeight());
                try {
                    drawing.draw(g2, new Rectangle2D.Double(0, 0, getWidth(), getHeight()));
                    return;
                } catch (RuntimeException e) {
                    drawing = null;
                    message = "Cannot draw: " + Messages.of(e);
                }
            }
            Color background = UIManager.getColor("Panel.background");
            g2.setColor(background != null ? background : getBackground());
            g2.fillRect(0, 0, getWidth(), getHeight());
            Color foreground = UIManager.getColor("Label.foreground");
            g2.setColor(foreground != null ? foreground : Color.DARK_GRAY);
            FontMetrics fm = g2.getFontMetrics();
            String[] lines = message.split("\n");
            int y = Math.max(fm.getAscent(), (getHeight() - lines.length * fm.getHeight()) / 2 + fm.getAscent());
            for (String line : lines) {
                int x = Math.max(8, (getWidth() - fm.stringWidth(line)) / 2);
                g2.drawString(line, x, y);
                y += fm.getHeight();
            }
        } finally {
            g2.dispose();
        }
    }
}
