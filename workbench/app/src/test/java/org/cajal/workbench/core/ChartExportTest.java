package org.cajal.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.cajal.charts.ChartDrawings;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportTest {

    @TempDir
    Path dir;

    @Test
    void writesPngAndSvg() throws Exception {
        XYSeries s = new XYSeries("loss");
        s.add(1, 0.5);
        s.add(2, 0.25);
        JFreeChart chart = ChartDrawings.style(ChartFactory.createXYLineChart("Loss", "epoch", "loss",
                new XYSeriesCollection(s)));

        Path png = ChartExport.Format.PNG.withExtension(dir.resolve("out/loss"));
        assertEquals("loss.png", png.getFileName().toString());
        ChartExport.write(ChartDrawings.of(chart), 640, 480, png, ChartExport.Format.PNG);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());

        Path svg = ChartExport.Format.SVG.withExtension(dir.resolve("loss.SVG"));
        assertEquals("loss.SVG", svg.getFileName().toString());
        ChartExport.write(ChartDrawings.of(chart), 640, 480, svg, ChartExport.Format.SVG);
        String text = Files.readString(svg);
        assertTrue(text.contains("<svg"), text.substring(0, Math.min(200, text.length())));
    }
}
