package org.cajal.workbench.diagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.cajal.api.model.Shape;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.charts.ChartDrawings;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.PngExport;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The network diagram's columns, ellipsis, weight colours, hit test, and its PNG at 300 dpi and SVG. */
class DiagramPainterTest {

    private static List<Column> xorLike() {
        return List.of(new Column(-1, "input", "", Optional.of(Shape.of(2))),
                new Column(0, "dense", "tanh", Optional.of(Shape.of(3))),
                new Column(1, "output", "softmax", Optional.of(Shape.of(2))));
    }

    @Test
    void aWideLayerShowsItsFirstAndLastUnitsAroundAnEllipsis() {
        assertArrayEquals(new int[] {0, 1, 2}, DiagramPainter.shown(3));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, -1, 252, 253, 254, 255}, DiagramPainter.shown(256));
        Column conv = new Column(0, "conv2d", "relu", Optional.of(Shape.of(6, 24, 24)));
        assertEquals("6@24×24", conv.size());
        assertFalse(conv.units());
        assertEquals("?", new Column(1, "dense", "", Optional.empty()).size());
    }

    @Test
    void edgesTakeTheirWeightsColourAndAClickFindsTheLayer() {
        double[][][] weights = {{{5, 5, 5}, {5, 5, 5}}, {{-5, -5}, {-5, -5}, {-5, -5}}};
        DiagramPainter painter = new DiagramPainter(xorLike(), weights, -2, Color.WHITE, Color.BLACK);
        BufferedImage image = ChartDrawings.image(painter, 600, 400);
        // between input and dense (x 100 .. 300) the edges are orange (positive); between dense and output blue
        assertTrue(count(image, 120, 280, c -> c.getRed() > 150 && c.getBlue() < 100) > 50, "orange edges");
        assertTrue(count(image, 320, 480, c -> c.getBlue() > 120 && c.getRed() < 80) > 50, "blue edges");
        assertEquals(0, count(image, 320, 480, c -> c.getRed() > 150 && c.getBlue() < 100), "no orange there");
        Rectangle2D area = new Rectangle2D.Double(0, 0, 600, 400);
        assertEquals(-1, painter.layerAt(new Point2D.Double(100, 200), area), "the input column");
        assertEquals(0, painter.layerAt(new Point2D.Double(300, 100), area));
        assertEquals(1, painter.layerAt(new Point2D.Double(500, 390), area));
    }

    private static int count(BufferedImage image, int fromX, int toX, java.util.function.Predicate<Color> test) {
        int n = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                n += test.test(new Color(image.getRGB(x, y))) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void exportsAPngAtThreeHundredDpiAndAnSvg(@TempDir Path dir) throws Exception {
        DiagramPainter painter = new DiagramPainter(xorLike(), null, 0, Color.DARK_GRAY, Color.WHITE).forExport();
        Path png = dir.resolve("net.png");
        PngExport.write(painter, 600, 400, 300, png);
        BufferedImage read = ImageIO.read(png.toFile());
        assertEquals(1875, read.getWidth(), "600 points at 300/96");
        assertEquals(1250, read.getHeight());
        assertEquals(Color.WHITE.getRGB(), read.getRGB(2, 2), "exports are light");
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("11811", phys.getAttribute("pixelsPerUnitXAxis"), "300 dpi in pixels per metre");
        }
        String svg = ChartDrawings.svg(painter, 600, 400);
        assertTrue(svg.contains("<svg") && svg.contains("1 · dense") && svg.contains("softmax"), svg);
    }

    @Test
    void columnsComeFromThePipelineAndItsSummary() {
        ModelSummary summary = new ModelSummary(Optional.of(Shape.of(2)), List.of(
                new ModelSummary.Layer(0, "dense", Optional.of(Shape.of(8)), 24, null),
                new ModelSummary.Layer(1, "output", Optional.of(Shape.of(2)), 18, null)), 42, List.of());
        List<ComponentRef> layers = List.of(new ComponentRef("dense", Map.of("activation", "tanh")),
                new ComponentRef("output", Map.of()));
        List<Column> columns = Column.of(Pipelines.withLayers(FakeWorkbench.pipeline(), layers), summary);
        assertEquals(3, columns.size());
        assertEquals(2, columns.get(0).unitCount());
        assertEquals("tanh", columns.get(1).detail());
        assertEquals(8, columns.get(1).unitCount());
        assertEquals(2, columns.get(2).unitCount());
        // a summary of another stack gives no shapes, not wrong ones
        List<Column> other = Column.of(Pipelines.withLayers(FakeWorkbench.pipeline(),
                List.of(new ComponentRef("conv2d", Map.of()))), summary);
        assertEquals("?", other.get(1).size());
    }
}
