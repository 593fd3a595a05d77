package org.cajal.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartDrawingsTest {

    private static JFreeChart chart() {
        XYSeries s = new XYSeries("loss");
        for (int i = 1; i <= 10; i++) {
            s.add(i, 1.0 / i);
        }
        return ChartDrawings.style(ChartFactory.createXYLineChart("Loss", "epoch", "loss", new XYSeriesCollection(s)));
    }

    @Test
    void writesPngWithTheChartDrawnOnIt(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("loss.png");
        ChartDrawings.writePng(ChartDrawings.of(chart()), 400, 300, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(400, image.getWidth());
        assertEquals(300, image.getHeight());
        // the first series' colour (the line) appears somewhere: the chart was really drawn
        int blue = ChartDrawings.SERIES[0].getRGB();
        boolean found = false;
        for (int x = 0; x < 400 && !found; x++) {
            for (int y = 0; y < 300 && !found; y++) {
                found = image.getRGB(x, y) == blue;
            }
        }
        assertTrue(found, "the loss line was not drawn");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
        // readable by a colleague sharing the run store, as any file a program writes (not owner-only)
        assertTrue(Files.getPosixFilePermissions(png).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                || !readableByOthersUnderThisUmask(dir), Files.getPosixFilePermissions(png).toString());
    }

    /** Whether a new file here gets read access for others at all (a umask of 077 takes it from every file). */
    private static boolean readableByOthersUnderThisUmask(Path dir) throws java.io.IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        try {
            return Files.getPosixFilePermissions(probe).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        } finally {
            Files.delete(probe);
        }
    }

    @Test
    void writesSvgDocument(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("loss.svg");
        ChartDrawings.writeSvg(ChartDrawings.of(chart()), 400, 300, svg);
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<svg") || text.startsWith("<?xml"), text.substring(0, 40));
        assertTrue(text.contains("Loss"), "title text in the SVG");
        assertTrue(text.contains("</svg>"));
    }
}
