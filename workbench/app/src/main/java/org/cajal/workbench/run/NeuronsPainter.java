package org.cajal.workbench.run;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

import org.cajal.workbench.core.LiveSnapshot;

/**
 * Paints every hidden unit's output over the live view's plane (Playground's neuron view), one row of tiles per
 * layer, each tile scaled to its own largest absolute value (blue negative, orange positive); and next to it the
 * layer's weights as a matrix (rows: inputs, columns: units) coloured by sign and size, with their mean magnitude.
 * Wide layers show their first {@link #MAX_UNITS} units. Any thread (it only paints).
 */
final class NeuronsPainter {

    static final int MAX_UNITS = 12;
    static final int TILE = 54;
    static final int GAP = 6;
    /** Largest side of a weight cell (pixels); a matrix with many rows or columns gets smaller cells. */
    static final int CELL = 12;
    /** Largest weight matrix drawn cell by cell (rows and columns); wider ones show their top-left corner. */
    static final int MAX_CELLS = 32;

    private NeuronsPainter() {
    }

    /** The size the rows need. */
    static Dimension size(LiveSnapshot s, FontMetrics fm) {
        int layers = s.layers().length;
        int width = 0;
        int height = 0;
        for (int l = 0; l < layers; l++) {
            int units = Math.min(MAX_UNITS, s.layers()[l][0].length);
            int tiles = l < layers - 1 ? units * (TILE + GAP) : 0;
            int[] w = weightCells(s, l);
            int cell = cell(w);
            width = Math.max(width, tiles + w[1] * cell + 3 * GAP);
            height += fm.getHeight() + Math.max(l < layers - 1 ? TILE : 0, w[0] * cell) + 2 * GAP;
        }
        return new Dimension(Math.max(200, width + GAP), height + GAP);
    }

    static void paint(Graphics2D g, LiveSnapshot s, Color background, Color foreground) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        FontMetrics fm = g.getFontMetrics();
        int y = GAP;
        int layers = s.layers().length;
        for (int l = 0; l < layers; l++) {
            boolean hidden = l < layers - 1;
            int units = s.layers()[l][0].length;
            double[][] w = s.weights().length > l ? s.weights()[l] : null;
            g.setColor(foreground);
            g.drawString(title(l, hidden, units, w), GAP, y + fm.getAscent());
            y += fm.getHeight();
            int x = GAP;
            if (hidden) {
                for (int u = 0; u < Math.min(MAX_UNITS, units); u++) {
                    tile(g, s, l, u, x, y, background, foreground);
                    x += TILE + GAP;
                }
            }
            int[] cells = weightCells(s, l);
            if (w != null) {
                weights(g, w, x + GAP, y, background);
            }
            y += Math.max(hidden ? TILE : 0, cells[0] * cell(cells)) + 2 * GAP;
        }
    }

    private static String title(int l, boolean hidden, int units, double[][] w) {
        StringBuilder t = new StringBuilder("layer ").append(l + 1).append(" · ").append(units)
                .append(units == 1 ? " unit" : " units");
        if (hidden && units > MAX_UNITS) {
            t.append(" (first ").append(MAX_UNITS).append(" shown)");
        }
        if (!hidden) {
            t.append(" (output)");
        }
        if (w != null) {
            t.append(" · weights ").append(w.length).append('×').append(w[0].length).append(", mean |w| ")
                    .append(LivePainter.number(meanMagnitude(w)));
        }
        return t.toString();
    }

    static double meanMagnitude(double[][] w) {
        double sum = 0;
        long n = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += Math.abs(v);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Rows and columns of the weight matrix drawn. */
    private static int[] weightCells(LiveSnapshot s, int l) {
        double[][] w = s.weights().length > l ? s.weights()[l] : null;
        return w == null || w.length == 0 ? new int[] {0, 0}
                : new int[] {Math.min(MAX_CELLS, w.length), Math.min(MAX_CELLS, w[0].length)};
    }

    private static void tile(Graphics2D g, LiveSnapshot s, int layer, int unit, int x, int y, Color background,
                             Color foreground) {
        double[][] out = s.layers()[layer];
        double max = 0;
        for (double[] row : out) {
            max = Math.max(max, Math.abs(row[unit]));
        }
        double scale = max == 0 ? 1 : max;
        if (s.line()) {
            g.setColor(background);
            g.fillRect(x, y, TILE, TILE);
            Path2D.Double path = new Path2D.Double();
            for (int k = 0; k < out.length; k++) {
                double px = x + (k + 0.5) / out.length * TILE;
                double py = y + TILE / 2.0 - out[k][unit] / scale * (TILE / 2.0 - 2);
                if (k == 0) {
                    path.moveTo(px, py);
                } else {
                    path.lineTo(px, py);
                }
            }
            g.setColor(LivePainter.HIGH);
            g.draw(path);
        } else {
            int n = s.resolution();
            BufferedImage image = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
            for (int k = 0; k < out.length; k++) {
                image.setRGB(k % n, n - 1 - k / n, LivePainter.diverging(out[k][unit] / scale, background)
                        .getRGB());
            }
            g.drawImage(image, x, y, TILE, TILE, null);
        }
        g.setColor(foreground.darker());
        g.drawRect(x, y, TILE, TILE);
    }

    /** Pixels per weight cell: up to {@link #CELL}, the matrix at most about 4 tiles high. */
    private static int cell(int[] cells) {
        int most = Math.max(1, Math.max(cells[0], cells[1]));
        return Math.max(3, Math.min(CELL, 4 * TILE / most));
    }

    private static void weights(Graphics2D g, double[][] w, int x, int y, Color background) {
        double max = 0;
        for (double[] row : w) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
            }
        }
        double scale = max == 0 ? 1 : max;
        int rows = Math.min(MAX_CELLS, w.length);
        int cols = Math.min(MAX_CELLS, w[0].length);
        int cell = cell(new int[] {rows, cols});
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                g.setColor(LivePainter.diverging(w[i][j] / scale, background));
                g.fillRect(x + j * cell, y + i * cell, cell, cell);
            }
        }
    }
}
