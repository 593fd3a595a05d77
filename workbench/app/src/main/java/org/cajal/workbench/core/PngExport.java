package org.cajal.workbench.core;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.cajal.api.visual.Drawing;

/**
 * A drawing as a PNG at a chosen resolution: laid out at its size on screen (in points, 96 to the inch) and
 * rendered with as many pixels as the resolution asks, so a 600×400 chart at 300 dpi is 1875×1250 pixels and
 * prints 6.25 × 4.17 inches wide with every line and letter sharp; the file records its resolution (PNG pHYs), so
 * word processors place it at that size. White background. Any thread.
 */
public final class PngExport {

    /** The resolutions the export dialogs offer, in dots per inch; 96 is the screen's own size. */
    public static final int[] RESOLUTIONS = {96, 150, 300, 600};
    /** What a new user's export gets: print quality. */
    public static final int DEFAULT_DPI = 300;
    /** The screen's dots per inch that sizes are given in. */
    static final double SCREEN_DPI = 96;

    private PngExport() {
    }

    /** The drawing rendered at {@code dpi}; {@code width} and {@code height} are its layout size at 96 dpi. */
    public static BufferedImage image(Drawing drawing, int width, int height, int dpi) {
        double scale = dpi / SCREEN_DPI;
        BufferedImage image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the drawing as a PNG at {@code dpi} (atomically: a temporary file moved into place). */
    public static void write(Drawing drawing, int width, int height, int dpi, Path file) throws IOException {
        BufferedImage image = image(drawing, width, height, dpi);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".export-", ".png");
        try {
            writeWithResolution(image, dpi, tmp);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeWithResolution(BufferedImage image, int dpi, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    param);
            String perMetre = Long.toString(Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }
}
