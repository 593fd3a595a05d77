package org.cajal.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import org.cajal.api.visual.Drawing;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.svg.SVGGraphics2D;

/**
 * Cajal's chart style, and drawings of any kind written to PNG or SVG. Used by the visualisers (batch and
 * workbench alike) and by the workbench's live charts, so a chart looks the same wherever it is drawn.
 */
public final class ChartDrawings {

    /** The series colours, in order (colour-blind safe: Okabe–Ito). */
    public static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
    };

    /** The dark end of {@link #whiteToBlue}. */
    private static final Color HEAT = new Color(0x08519C);

    private ChartDrawings() {
    }

    /** A drawing that paints the chart into the area it is given. */
    public static Drawing of(JFreeChart chart) {
        return (Graphics2D g, Rectangle2D area) -> chart.draw(g, area);
    }

    /** Applies Cajal's style: white plot, light grid, series colours, readable fonts. Returns the chart. */
    public static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setBackgroundPaint(Color.WHITE);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xBBBBBB));
        Color grid = new Color(0xDDDDDD);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (int a = 0; a < xy.getDomainAxisCount(); a++) {
                axisFonts(xy.getDomainAxis(a));
            }
            for (int a = 0; a < xy.getRangeAxisCount(); a++) {
                axisFonts(xy.getRangeAxis(a));
            }
            for (int d = 0; d < xy.getRendererCount(); d++) {
                if (xy.getRenderer(d) == null) {
                    continue;
                }
                for (int i = 0; i < SERIES.length; i++) {
                    xy.getRenderer(d).setSeriesPaint(i, SERIES[i]);
                    xy.getRenderer(d).setSeriesStroke(i, new BasicStroke(2f));
                }
            }
        } else if (plot instanceof CategoryPlot cat) {
            cat.setDomainGridlinePaint(grid);
            cat.setRangeGridlinePaint(grid);
            axisFonts(cat.getDomainAxis());
            axisFonts(cat.getRangeAxis());
            if (cat.getRenderer() != null) {
                for (int i = 0; i < SERIES.length; i++) {
                    cat.getRenderer().setSeriesPaint(i, SERIES[i]);
                }
            }
        }
        return chart;
    }

    /** The colour a fraction {@code t} (clamped to 0..1) of the way from {@code a} to {@code b}. */
    public static Color mix(Color a, Color b, double t) {
        double s = Math.max(0, Math.min(1, t));
        return new Color(
                (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * s),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * s),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * s));
    }

    /** A heat-map scale from white at 0 to dark blue at {@code upper} (values outside are clamped, NaN is white). */
    public static PaintScale whiteToBlue(double upper) {
        return new PaintScale() {
            @Override
            public double getLowerBound() {
                return 0;
            }

            @Override
            public double getUpperBound() {
                return upper;
            }

            @Override
            public Paint getPaint(double value) {
                return mix(Color.WHITE, HEAT, Double.isFinite(value) ? value / upper : 0);
            }
        };
    }

    /** Adds a colour bar for a heat map's scale on the chart's right, labelled by {@code axis}. */
    public static void addColourLegend(JFreeChart chart, PaintScale scale, NumberAxis axis) {
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 8, 4, 4);
        legend.setStripWidth(12);
        chart.addSubtitle(legend);
    }

    private static void axisFonts(org.jfree.chart.axis.Axis axis) {
        if (axis != null) {
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        }
    }

    /** Renders the drawing into a new image of the given size (white background). */
    public static BufferedImage image(Drawing drawing, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the drawing as a PNG file (atomically: a temporary file renamed into place). */
    public static void writePng(Drawing drawing, int width, int height, Path file) throws IOException {
        BufferedImage image = image(drawing, width, height);
        Path tmp = temporary(file);
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The drawing as an SVG document. */
    public static String svg(Drawing drawing, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument();
    }

    /** Writes the drawing as an SVG file (atomically). */
    public static void writeSvg(Drawing drawing, int width, int height, Path file) throws IOException {
        Path tmp = temporary(file);
        try {
            Files.writeString(tmp, svg(drawing, width, height), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A temporary file beside the chart, readable by everyone (rw-r--r--, less what the umask takes) as the finished
     * chart should be — not owner-only as {@link Files#createTempFile} makes it by default.
     */
    private static Path temporary(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--")));
        }
        return Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    }
}
