package org.cajal.api.visual;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Something a visualiser drew, that can paint itself into any {@link Graphics2D}: a Swing panel, a PNG image or an
 * SVG document. (A JFreeChart chart fits directly: {@code chart::draw}.)
 */
@FunctionalInterface
public interface Drawing {

    void draw(Graphics2D graphics, Rectangle2D area);
}
