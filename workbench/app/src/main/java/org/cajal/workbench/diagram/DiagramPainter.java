package org.cajal.workbench.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;

/**
 * Draws a layer stack as NN-SVG does: each vector layer a column of units (a wide layer shows its first and last
 * units with an ellipsis between), each convolutional or sequence layer a stack of feature maps labelled
 * {@code channels@height×width}, edges between consecutive unit columns, the layer type, activation and size
 * under each column. With weights (from a run of this model) each edge takes its weight's colour (blue negative,
 * orange positive) and its width and strength from the weight's size relative to the layer's largest. The
 * selected layer is outlined. A {@link Drawing}, so the screen, PNG and SVG get the same picture.
 */
final class DiagramPainter implements Drawing {

    /** Most units drawn in a column; a wider layer shows the first {@value #HEAD} and last ones. */
    static final int MAX_UNITS = 10;
    static final int HEAD = 5;

    private final List<Column> columns;
    private final double[][][] weights;
    private final int selected;
    private final Color background;
    private final Color foreground;

    /**
     * @param weights {@code [layer][input][unit]} matching the columns, or null (edges in grey)
     * @param selected the selected layer's index, or -2 for none
     */
    DiagramPainter(List<Column> columns, double[][][] weights, int selected, Color background, Color foreground) {
        this.columns = List.copyOf(columns);
        this.weights = weights;
        this.selected = selected;
        this.background = background;
        this.foreground = foreground;
    }

    /** The same diagram in an export's colours: black on white. */
    DiagramPainter forExport() {
        return new DiagramPainter(columns, weights, -2, Color.WHITE, Color.BLACK);
    }

    /** The units drawn for a column of n: their indices, -1 for the ellipsis. */
    static int[] shown(int n) {
        if (n <= MAX_UNITS) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        int[] s = new int[MAX_UNITS];
        for (int i = 0; i < HEAD; i++) {
            s[i] = i;
        }
        s[HEAD] = -1;
        for (int i = HEAD + 1; i < MAX_UNITS; i++) {
            s[i] = n - (MAX_UNITS - i);
        }
        return s;
    }

    /** The column's horizontal centre in the area. */
    static double centreX(Rectangle2D area, int column, int columns) {
        return area.getX() + area.getWidth() * (column + 0.5) / columns;
    }

    /** Which column (its layer index, -1 the input) a point falls in, or -2 for none. */
    int layerAt(Point2D p, Rectangle2D area) {
        for (int c = 0; c < columns.size(); c++) {
            double half = area.getWidth() / columns.size() / 2;
            double x = centreX(area, c, columns.size());
            if (Math.abs(p.getX() - x) <= half && area.contains(p)) {
                return columns.get(c).layer();
            }
        }
        return -2;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(background);
        g.fill(area);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        double labels = fm.getHeight() * 3 + 8;
        Rectangle2D body = new Rectangle2D.Double(area.getX(), area.getY() + 10, area.getWidth(),
                Math.max(40, area.getHeight() - labels - 16));
        double radius = Math.max(4, Math.min(14, Math.min(body.getHeight() / (MAX_UNITS * 2.6),
                area.getWidth() / columns.size() / 6)));
        List<List<Point2D>> nodes = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            nodes.add(nodes(columns.get(c), centreX(area, c, columns.size()), body, radius));
        }
        for (int c = 1; c < columns.size(); c++) {
            edges(g, c, nodes.get(c - 1), nodes.get(c), body, radius);
        }
        // the labels sit under the tallest column, never below the area's bottom
        double lowest = body.getCenterY() + Math.max(body.getHeight() * 0.3, radius * 2.6 * (MAX_UNITS - 1) / 2
                + radius);
        double labelTop = Math.min(area.getMaxY() - labels, lowest + 14);
        for (int c = 0; c < columns.size(); c++) {
            column(g, columns.get(c), nodes.get(c), centreX(area, c, columns.size()), body, radius);
            label(g, columns.get(c), centreX(area, c, columns.size()), labelTop, fm);
        }
    }

    /** Unit centres of a unit column (the ellipsis's place included, as null); empty for a map column. */
    private static List<Point2D> nodes(Column column, double x, Rectangle2D body, double radius) {
        List<Point2D> out = new ArrayList<>();
        if (!column.units()) {
            return out;
        }
        int[] shown = shown(Math.max(1, column.unitCount()));
        double step = radius * 2.6;
        double top = body.getCenterY() - step * (shown.length - 1) / 2;
        for (int k = 0; k < shown.length; k++) {
            out.add(shown[k] < 0 ? null : new Point2D.Double(x, top + k * step));
        }
        return out;
    }

    private void edges(Graphics2D g, int c, List<Point2D> from, List<Point2D> to, Rectangle2D body, double r) {
        Column left = columns.get(c - 1);
        Column right = columns.get(c);
        if (from.isEmpty() || to.isEmpty()) {
            mapEdges(g, c, body);
            return;
        }
        double[][] w = weightsOf(right.layer(), Math.max(1, left.unitCount()), Math.max(1, right.unitCount()));
        double max = maxAbs(w);
        int[] ins = shown(Math.max(1, left.unitCount()));
        int[] outs = shown(Math.max(1, right.unitCount()));
        Color grey = ChartDrawings.mix(background, foreground, 0.3);
        for (int i = 0; i < from.size(); i++) {
            for (int j = 0; j < to.size(); j++) {
                if (from.get(i) == null || to.get(j) == null) {
                    continue;
                }
                double v = w == null ? 0 : w[ins[i]][outs[j]];
                double t = max == 0 ? 0 : Math.abs(v) / max;
                g.setColor(w == null ? grey : ChartDrawings.mix(background, v < 0 ? ChartDrawings.SERIES[0]
                        : ChartDrawings.SERIES[1], 0.15 + 0.85 * t));
                g.setStroke(new BasicStroke((float) (w == null ? 0.7 : 0.4 + 2.6 * t)));
                g.draw(new Line2D.Double(from.get(i).getX() + r, from.get(i).getY(), to.get(j).getX() - r,
                        to.get(j).getY()));
            }
        }
    }

    /** Lines from one block (or column) to the next, as NN-SVG joins feature maps. */
    private void mapEdges(Graphics2D g, int c, Rectangle2D body) {
        double x0 = centreX(body, c - 1, columns.size());
        double x1 = centreX(body, c, columns.size());
        double cy = body.getCenterY();
        double h = body.getHeight() * 0.3;
        g.setColor(ChartDrawings.mix(background, foreground, 0.35));
        g.setStroke(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
        g.draw(new Line2D.Double(x0, cy - h / 2, x1, cy - h / 4));
        g.draw(new Line2D.Double(x0, cy + h / 2, x1, cy + h / 4));
    }

    /** The weights of a layer if they are known and fit the drawn shape, else null. */
    private double[][] weightsOf(int layer, int ins, int outs) {
        if (weights == null || layer < 0 || layer >= weights.length || weights[layer] == null) {
            return null;
        }
        double[][] w = weights[layer];
        return w.length == ins && w[0].length == outs ? w : null;
    }

    private static double maxAbs(double[][] w) {
        double max = 0;
        if (w != null) {
            for (double[] row : w) {
                for (double v : row) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        return max;
    }

    private void column(Graphics2D g, Column column, List<Point2D> nodes, double x, Rectangle2D body, double r) {
        Color fill = column.layer() < 0 ? ChartDrawings.mix(background, ChartDrawings.SERIES[2], 0.55)
                : ChartDrawings.mix(background, foreground, 0.08);
        if (column.units()) {
            g.setStroke(new BasicStroke(1.2f));
            for (int k = 0; k < nodes.size(); k++) {
                Point2D p = nodes.get(k);
                if (p == null) {
                    g.setColor(foreground);
                    double y = (nodes.get(k - 1).getY() + nodes.get(k + 1).getY()) / 2;
                    for (int d = -1; d <= 1; d++) {
                        g.fill(new Ellipse2D.Double(x - 1.5, y + d * r * 0.6 - 1.5, 3, 3));
                    }
                    continue;
                }
                Ellipse2D node = new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
                g.setColor(fill);
                g.fill(node);
                g.setColor(foreground);
                g.draw(node);
            }
        } else {
            maps(g, column, x, body, fill);
        }
        if (column.layer() == selected) {
            double half = body.getWidth() / columns.size() / 2 - 3;
            g.setColor(ChartDrawings.SERIES[0]);
            g.setStroke(new BasicStroke(2f));
            g.draw(new java.awt.geom.RoundRectangle2D.Double(x - half, body.getY() - 6, 2 * half,
                    body.getHeight() + 12, 12, 12));
        }
    }

    /** A stack of feature maps, one slanted square per channel (at most 8 drawn). */
    private void maps(Graphics2D g, Column column, double x, Rectangle2D body, Color fill) {
        int drawn = Math.min(8, Math.max(1, column.channels()));
        double side = Math.min(body.getHeight() * 0.45, body.getWidth() / columns.size() * 0.5);
        double offset = Math.min(6, side / 6);
        double left = x - side / 2 - offset * (drawn - 1) / 2;
        double top = body.getCenterY() - side / 2 - offset * (drawn - 1) / 2;
        g.setStroke(new BasicStroke(1f));
        for (int k = 0; k < drawn; k++) {
            Rectangle2D map = new Rectangle2D.Double(left + k * offset, top + k * offset, side, side);
            g.setColor(fill);
            g.fill(map);
            g.setColor(foreground);
            g.draw(map);
        }
    }

    private void label(Graphics2D g, Column column, double x, double y, FontMetrics fm) {
        g.setColor(foreground);
        String[] lines = {column.layer() < 0 ? "input" : (column.layer() + 1) + " · " + column.title(),
            column.size(), column.detail()};
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                g.drawString(lines[i], (float) (x - fm.stringWidth(lines[i]) / 2.0),
                        (float) (y + fm.getAscent() + i * fm.getHeight()));
            }
        }
    }
}
