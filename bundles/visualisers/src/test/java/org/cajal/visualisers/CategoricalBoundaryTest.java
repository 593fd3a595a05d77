package org.cajal.visualisers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cajal.api.data.TargetKind;
import org.cajal.api.visual.RunData;
import org.cajal.api.visual.RunRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decision boundary of a run with categorical features, as its schema.json lists them. */
class CategoricalBoundaryTest {

    /** Features sex (female, male), x1, island (Biscoe, Dream, Torgersen), x2; male and Dream most frequent. */
    private static RunRecord run(Path folder, FakeRunData data) throws Exception {
        Files.writeString(folder.resolve("schema.json"), """
                { "featureNames": ["sex", "x1", "island", "x2"], "featureShape": [4], "targetKind": "binary",
                  "targetNames": ["class"], "classLabels": ["off", "on"],
                  "featureCategories": { "sex": ["female", "male"], "island": ["Biscoe", "Dream", "Torgersen"] } }
                """);
        return new RunRecord("r1", folder, List.of("epoch"), List.of(), Map.of(), data);
    }

    private static FakeRunData data() {
        double[][] rows = new double[12][];
        double[] targets = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {i % 3 == 0 ? 0 : 1, i * 0.1, i % 4 == 0 ? 0 : i % 4 == 1 ? 2 : 1, -i};
            targets[i] = i % 2;
        }
        double[][] outputs = new double[rows.length][];
        java.util.Arrays.fill(outputs, new double[] {0.5, 0.5});
        return new FakeRunData(TargetKind.BINARY, List.of("sex", "x1", "island", "x2"), List.of("off", "on"), true,
                new RunData.Predictions(targets, outputs), new RunData.Inputs(rows, targets),
                row -> new double[] {1 - row[1] / 2, row[1] / 2}, List.of());
    }

    @Test
    void theAxesAreNumericByDefaultAndCategoriesAreHeldAtTheirMostFrequent(@TempDir Path dir) throws Exception {
        FakeRunData data = data();
        DecisionBoundaryVisualiser v = new DecisionBoundaryVisualiser();
        JFreeChart chart = v.chart(run(dir, data), VisualiserTestSupport.parameters(v, Map.of("resolution", 10)));
        assertEquals("Decision boundary: x1 × x2", chart.getTitle().getText());
        for (double[] point : data.predictCalls.get(0)) {
            assertEquals(1.0, point[0], "sex held at male");
            assertEquals(1.0, point[2], "island held at Dream");
        }
        assertEquals("held at the most frequent category: sex = male, island = Dream",
                ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText());
        VisualiserTestSupport.render(v, run(dir, data), Map.of(), "decision-boundary-categorical");
    }

    @Test
    void aCategoricalAxisTakesWholeCategoriesAndShowsTheirLabels(@TempDir Path dir) throws Exception {
        FakeRunData data = data();
        DecisionBoundaryVisualiser v = new DecisionBoundaryVisualiser();
        JFreeChart chart = v.chart(run(dir, data), VisualiserTestSupport.parameters(v,
                Map.of("x", 2, "resolution", 30)));
        assertEquals("Decision boundary: island × x1", chart.getTitle().getText(), "y: the first numeric feature");
        Set<Double> islands = new HashSet<>();
        for (double[] point : data.predictCalls.get(0)) {
            islands.add(point[2]);
            assertEquals(1.0, point[0], "sex held at male");
            assertEquals(-5.5, point[3], 1e-9, "x2 held at its mean");
        }
        assertEquals(Set.of(0.0, 1.0, 2.0), islands);
        SymbolAxis axis = (SymbolAxis) chart.getXYPlot().getDomainAxis();
        assertEquals(List.of("Biscoe", "Dream", "Torgersen"), List.of(axis.getSymbols()));
        assertEquals(-0.5, axis.getLowerBound(), 1e-9);
        assertEquals(2.5, axis.getUpperBound(), 1e-9);
        assertTrue(((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).getText()
                .startsWith("the other 1 numeric feature is held at its mean; held at the most frequent category: "
                        + "sex = male"));
    }

    @Test
    void withoutSchemaEveryFeatureIsNumericAndABrokenSchemaNamesTheFile(@TempDir Path dir) throws Exception {
        FeatureKinds none = FeatureKinds.of(new RunRecord("r1", dir, List.of(), List.of(), Map.of()), List.of("a"));
        assertEquals(List.of(List.of()), none.labels());
        Files.writeString(dir.resolve("schema.json"), "{ broken");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureKinds.of(new RunRecord("r1", dir, List.of(), List.of(), Map.of()), List.of("a")));
        assertTrue(e.getMessage().contains(dir.resolve("schema.json").toString()), e.getMessage());
    }
}
