package org.cajal.workbench.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

import org.cajal.charts.ChartDrawings;
import org.cajal.workbench.core.LiveSnapshot;

/**
 * Paints a {@link LiveSnapshot}'s plane as TensorFlow Playground does: each cell in the colour of the class the
 * model predicts there, stronger where it is surer (regression: the predicted value from blue through the
 * background to orange), the training examples as filled dots and the validation examples as rings in their
 * true class's colour. A one-input model gets a line: the prediction (for classes, the probability of the last
 * class) over the input, with the examples as dots. Any thread (it only paints).
 */
final class LivePainter {

    /** Negative, and positive, ends of the value scale. */
    static final Color LOW = ChartDrawings.SERIES[0];
    static final Color HIGH = ChartDrawings.SERIES[1];

    private LivePainter() {
    }

    /** Colour of a class. */
    static Color classColour(int k) {
        return ChartDrawings.SERIES[Math.floorMod(k, ChartDrawings.SERIES.length - 1)];
    }

    /** A value in -1 .. 1 as a colour: LOW at -1, the background at 0, HIGH at 1. */
    static Color diverging(double t, Color background) {
        if (!Double.isFinite(t)) {
            return background;
        }
        return t < 0 ? ChartDrawings.mix(background, LOW, -t) : ChartDrawings.mix(background, HIGH, t);
    }

    /** Paints the plane (or line) into the area, with axes named after the inputs. */
    static void paint(Graphics2D g, LiveSnapshot s, Rectangle area, Color background, Color foreground) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(background);
        g.fill(area);
        FontMetrics fm = g.getFontMetrics();
        int left = fm.stringWidth("-0.00") + fm.getHeight() + 8;
        int bottom = fm.getHeight() * 2 + 6;
        Rectangle plot = new Rectangle(area.x + left, area.y + 6, Math.max(10, area.width - left - 10),
                Math.max(10, area.height - bottom - 6));
        if (s.line()) {
            line(g, s, plot, background, foreground);
        } else {
            g.drawImage(plane(s, background), plot.x, plot.y, plot.width, plot.height, null);
            points(g, s, plot, s.train(), s.trainTargets(), true, background);
            points(g, s, plot, s.validation(), s.validationTargets(), false, background);
        }
        axes(g, s, plot, foreground);
    }

    /** The plane as an image, one pixel per cell (row 0 at the top). */
    static BufferedImage plane(LiveSnapshot s, Color background) {
        int n = s.resolution();
        BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        double[][] out = s.outputs();
        double[] scale = targetScale(s);
        for (int k = 0; k < out.length; k++) {
            Color c;
            if (s.classification()) {
                double[] cc = LiveSnapshot.classAndConfidence(out[k]);
                c = ChartDrawings.mix(background, classColour((int) cc[0]), 0.12 + 0.6 * cc[1]);
            } else {
                c = diverging(2 * (out[k][0] - scale[0]) / (scale[1] - scale[0]) - 1, background);
            }
            image.setRGB(k % n, n - 1 - k / n, c.getRGB());
        }
        return image;
    }

    /** The range the regression colours span: the training targets' (the outputs' when there are none). */
    static double[] targetScale(LiveSnapshot s) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[][] rows = s.trainTargets().length > 0 ? s.trainTargets() : s.outputs();
        for (double[] r : rows) {
            if (r.length > 0 && Double.isFinite(r[0])) {
                low = Math.min(low, r[0]);
                high = Math.max(high, r[0]);
            }
        }
        return low < high ? new double[] {low, high} : new double[] {low - 1, low + 1};
    }

    private static void points(Graphics2D g, LiveSnapshot s, Rectangle plot, double[][] rows, double[][] targets,
                               boolean filled, Color background) {
        double r = Math.max(2.5, Math.min(5, plot.width / 90.0));
        double[] scale = targetScale(s);
        g.setStroke(new BasicStroke(filled ? 1f : 1.6f));
        for (int i = 0; i < rows.length; i++) {
            double px = plot.x + (rows[i][s.x()] - s.xRange()[0]) / (s.xRange()[1] - s.xRange()[0]) * plot.width;
            double py = plot.y + plot.height
                    - (rows[i][s.y()] - s.yRange()[0]) / (s.yRange()[1] - s.yRange()[0]) * plot.height;
            double t = targets[i].length == 0 ? 0 : targets[i][0];
            Color c = s.classification() ? classColour((int) Math.round(t))
                    : diverging(2 * (t - scale[0]) / (scale[1] - scale[0]) - 1, Color.WHITE);
            Ellipse2D dot = new Ellipse2D.Double(px - r, py - r, 2 * r, 2 * r);
            if (filled) {
                g.setColor(c);
                g.fill(dot);
                g.setColor(c.darker().darker());
            } else {
                g.setColor(background);
                g.fill(dot);
                g.setColor(c);
            }
            g.draw(dot);
        }
    }

    private static void line(Graphics2D g, LiveSnapshot s, Rectangle plot, Color background, Color foreground) {
        double[][] out = s.outputs();
        int n = out.length;
        int column = out[0].length - 1;
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; k < n; k++) {
            double v = s.classification() && out[0].length == 1 ? out[k][0] : out[k][column];
            double px = plot.x + (k + 0.5) / n * plot.width;
            double py = yPixel(s, plot, v);
            if (k == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        dots(g, s, plot, s.train(), s.trainTargets(), true, background);
        dots(g, s, plot, s.validation(), s.validationTargets(), false, background);
        g.setColor(foreground);
        g.setStroke(new BasicStroke(2.5f));
        g.draw(path);
    }

    private static void dots(Graphics2D g, LiveSnapshot s, Rectangle plot, double[][] rows, double[][] targets,
                             boolean filled, Color background) {
        double r = 3;
        for (int i = 0; i < rows.length; i++) {
            if (targets[i].length == 0) {
                continue;
            }
            double px = plot.x + (rows[i][s.x()] - s.xRange()[0]) / (s.xRange()[1] - s.xRange()[0]) * plot.width;
            double t = targets[i][0];
            double v = s.classification() ? (Math.round(t) == s.classLabels().size() - 1 ? 1 : 0) : t;
            Color c = s.classification() ? classColour((int) Math.round(t)) : filled ? LOW : HIGH;
            Ellipse2D dot = new Ellipse2D.Double(px - r, yPixel(s, plot, v) - r, 2 * r, 2 * r);
            g.setColor(filled ? c : background);
            g.fill(dot);
            g.setColor(c);
            g.draw(dot);
        }
    }

    private static double yPixel(LiveSnapshot s, Rectangle plot, double v) {
        double t = (v - s.yRange()[0]) / (s.yRange()[1] - s.yRange()[0]);
        return plot.y + plot.height - Math.max(-0.05, Math.min(1.05, t)) * plot.height;
    }

    private static void axes(Graphics2D g, LiveSnapshot s, Rectangle plot, Color foreground) {
        g.setColor(foreground);
        g.setStroke(new BasicStroke(1f));
        g.draw(plot);
        FontMetrics fm = g.getFontMetrics();
        String xName = s.inputNames().get(s.x());
        String yName = s.line() ? (s.classification() ? "P(" + last(s) + ")" : "prediction")
                : s.inputNames().get(s.y());
        int base = plot.y + plot.height + fm.getAscent() + 2;
        g.drawString(number(s.xRange()[0]), plot.x, base);
        String hi = number(s.xRange()[1]);
        g.drawString(hi, plot.x + plot.width - fm.stringWidth(hi), base);
        g.drawString(xName, plot.x + (plot.width - fm.stringWidth(xName)) / 2, base + fm.getHeight());
        String ylo = number(s.yRange()[0]);
        String yhi = number(s.yRange()[1]);
        g.drawString(yhi, plot.x - fm.stringWidth(yhi) - 3, plot.y + fm.getAscent());
        g.drawString(ylo, plot.x - fm.stringWidth(ylo) - 3, plot.y + plot.height);
        Graphics2D r = (Graphics2D) g.create();
        r.rotate(-Math.PI / 2);
        r.setFont(g.getFont().deriveFont(Font.PLAIN));
        r.drawString(yName, -(plot.y + (plot.height + fm.stringWidth(yName)) / 2), plot.x - fm.getHeight() - 6
                - Math.max(fm.stringWidth(yhi), fm.stringWidth(ylo)) + fm.getAscent());
        r.dispose();
    }

    private static String last(LiveSnapshot s) {
        return s.classLabels().isEmpty() ? "class 1" : s.classLabels().get(s.classLabels().size() - 1);
    }

    static String number(double v) {
        return Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v != 0) ? String.format("%.2g", v)
                : String.format("%.2f", v);
    }
}
