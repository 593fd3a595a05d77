package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.visual.Drawing;
import org.cajal.api.visual.RunRecord;
import org.cajal.api.visual.Visualiser;
import org.cajal.charts.ChartDrawings;

/** Rendering helpers: parameters from a map, 600 x 400 images, PNGs in target/visualiser-images for a look. */
final class VisualiserTestSupport {

    static final Path IMAGES = Path.of("target", "visualiser-images");

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private VisualiserTestSupport() {
    }

    static Parameters parameters(Visualiser visualiser, Map<String, ?> raw) {
        return Parameters.resolve(visualiser.descriptor(), raw, Path.of("."));
    }

    /** Renders through {@link Visualiser#render}, writes the PNG, and checks that something was drawn. */
    static BufferedImage render(Visualiser visualiser, RunRecord run, Map<String, ?> raw, String fileName) {
        Drawing drawing = visualiser.render(run, parameters(visualiser, raw));
        BufferedImage image = ChartDrawings.image(drawing, 600, 400);
        try {
            ChartDrawings.writePng(drawing, 600, 400, IMAGES.resolve(fileName + ".png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 200, fileName + ": the image is (almost) blank");
        return image;
    }
}
