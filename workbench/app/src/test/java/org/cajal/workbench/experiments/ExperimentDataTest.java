package org.cajal.workbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.experiments.Comparison;
import org.cajal.experiments.Summary;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentDataTest {

    @TempDir
    Path dir;

    @Test
    void readsSweepCsvIntoErrorCurves() throws IOException {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), "value,train_error,validation_error,test_error,"
                + "accuracy\n2,0.40,0.45,0.47,0.53\n8,0.10,0.20,0.22,0.78\n32,0.01,0.25,,0.75\n");
        ExperimentData.Table table = ExperimentData.sweep(csv);
        assertEquals(List.of("train_error", "validation_error", "test_error"), table.errorColumns());
        XYSeriesCollection series = ExperimentData.sweepSeries(table);
        assertEquals(3, series.getSeriesCount());
        assertEquals("validation error", series.getSeriesKey(1));
        assertEquals(3, series.getSeries(0).getItemCount());
        assertEquals(32.0, series.getSeries(1).getX(2).doubleValue());
        assertEquals(0.25, series.getSeries(1).getY(2).doubleValue(), 1e-12);
        assertEquals(2, series.getSeries(2).getItemCount(), "an empty cell is left out");

        assertEquals(0, ExperimentData.sweep(dir.resolve("absent.csv")).rows().size());
        Files.writeString(dir.resolve("empty.csv"), "");
        assertThrows(IOException.class, () -> ExperimentData.sweep(dir.resolve("empty.csv")));
    }

    @Test
    void quotedCellsAreRead() throws IOException {
        Path csv = Files.writeString(dir.resolve("sweep.csv"), "value,\"train_error\",validation_error\n"
                + "\"4\",0.3,\"0.35\"\n");
        ExperimentData.Table table = ExperimentData.sweep(csv);
        assertEquals(List.of("value", "train_error", "validation_error"), table.columns());
        assertEquals(0.35, table.rows().get(0)[2], 1e-12);
    }

    @Test
    void aRepeatsCurveBecomesAMeanWithItsBand() {
        List<Summary> curve = List.of(new Summary(5, 0.9, 0.1, 0.8, 1.0), new Summary(5, 0.5, 0.05, 0.45, 0.55),
                new Summary(1, 0.4, 0.0, 0.4, 0.4));
        YIntervalSeries s = ExperimentData.band("validation_loss", curve);
        assertEquals(3, s.getItemCount());
        assertEquals(2.0, s.getX(1).doubleValue());
        assertEquals(0.5, s.getYValue(1), 1e-12);
        assertEquals(0.45, s.getYLowValue(1), 1e-12);
        assertEquals(0.55, s.getYHighValue(1), 1e-12);
        assertEquals(0.4, s.getYLowValue(2), 1e-12);
        assertTrue(s.getKey().toString().startsWith("validation loss"));
    }

    @Test
    void summariesAndComparisonsAsRows() {
        Map<String, Summary> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", new Summary(5, 0.912, 0.013, 0.896, 0.928));
        List<List<String>> rows = ExperimentData.summaryRows(metrics);
        assertEquals("Metric", rows.get(0).get(0));
        assertEquals("accuracy", rows.get(1).get(0));
        assertEquals("5", rows.get(1).get(1));
        assertTrue(rows.get(1).get(6).contains("95% CI"), rows.get(1).get(6));

        Comparison c = new Comparison("accuracy", 10, 0.9, 0.85, 0.05, 0.02, 3.1, 9, 0.0127, 2.5, 0.01, 0.09,
                "A is better");
        List<List<String>> cr = ExperimentData.comparisonRows(c);
        assertEquals(List.of("Degrees of freedom", "9"), cr.get(8));
        assertEquals("0.01270", cr.get(9).get(1));
    }

    @Test
    void sweepValuesAreNumbers() {
        assertEquals(List.of(2L, 4L, 0.5), ExperimentData.values(" 2, 4 ,0.5,"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentData.values("2, four"));
        assertTrue(e.getMessage().contains("'four'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExperimentData.values(" "));
    }
}
