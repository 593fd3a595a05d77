package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV feature columns that hold categories, and the three ways of treating missing values. */
class CsvCategoriesAndMissingValuesTest {

    private static final String CARS = """
            size,colour,city,y
            1,red,Bonn,a
            2,green,Köln,b
            3,red,Bonn,a
            4,blue,Aachen,b
            """;

    @TempDir
    Path folder;

    private final CsvDatasetProvider csv = new CsvDatasetProvider();

    @Test
    void namedCategoricalColumnsHoldSortedCategoryIndices() throws Exception {
        Dataset data = open(CARS, Map.of("target", "y", "categorical", "colour, city"));
        assertEquals(Map.of("colour", List.of("blue", "green", "red"), "city", List.of("Aachen", "Bonn", "Köln")),
                data.schema().featureCategories());
        assertEquals(List.of("size", "colour", "city"), data.schema().featureNames());
        assertArrayEquals(new float[][] {{1, 2, 1}, {2, 1, 2}, {3, 2, 1}, {4, 0, 0}}, all(data).features().toFloatMatrix());
    }

    @Test
    void defaultNoneKeepsEveryFeatureNumericSoATypoIsAnError() throws Exception {
        assertEquals("none", csv.descriptor().parameter("categorical").orElseThrow().defaultValue());
        String message = failure(CARS, Map.of("target", "y"));
        assertTrue(message.contains("column 'colour' (column 2): 'red' is not a number"), message);
        assertTrue(message.contains("name the column in 'categorical'"), message);
    }

    @Test
    void autoMakesEveryFeatureColumnWithTextCategoricalAndLeavesNumbersAlone() throws Exception {
        Dataset data = open("n,typo,colour,y\n1,5,red,a\n2,6,blue,b\n3,six,red,a\n", Map.of("target", "y",
                "categorical", "auto"));
        assertEquals(Map.of("typo", List.of("5", "6", "six"), "colour", List.of("blue", "red")),
                data.schema().featureCategories(), "with auto a stray word turns its column into categories");
        assertArrayEquals(new float[][] {{1, 0, 1}, {2, 1, 0}, {3, 2, 1}}, all(data).features().toFloatMatrix());
    }

    @Test
    void numericCategoriesSortNumericallyAndOneEqualsOnePointZero() throws Exception {
        Dataset data = open("zip,y\n10,a\n9,b\n10.0,a\n100,b\n", Map.of("target", "y", "categorical", "zip"));
        assertEquals(List.of("9", "10", "100"), data.schema().featureCategories().get("zip"));
        assertArrayEquals(new float[] {1, 0, 1, 2}, all(data).features().toFloatVector());
    }

    @Test
    void categoricalNamingTheTargetOrAnUnknownColumnIsExplained() {
        String target = failure(CARS, Map.of("target", "y", "categorical", "colour,y"));
        assertTrue(target.contains("'categorical' names column 'y' but it is the target"), target);
        String unknown = failure(CARS, Map.of("target", "y", "categorical", "color"));
        assertEquals(file() + ": 'categorical' names column 'color' but it is not one of the feature columns; "
                + "feature columns: size, colour, city (or write auto for every feature column with text, or none)",
                unknown);
    }

    @Test
    void naNanAndQuestionMarkAreMissingButLowerCaseNaIsText() {
        for (String marker : List.of("NA", "NaN", "?")) {
            String message = failure("x1,x2,y\n1,2,a\n3," + marker + ",b\n", Map.of("target", "y"));
            assertEquals(file() + " line 3 (data row 2), column 'x2' (column 2): '" + marker + "' marks a missing "
                    + "value; set 'missing' to drop (leave out such rows) or impute (fill in the column's mean or "
                    + "most frequent value in the training rows), or fill the cell", message);
        }
        String text = failure("x1,x2,y\n1,na,a\n", Map.of("target", "y"));
        assertTrue(text.contains("'na' is not a number"), text);
    }

    @Test
    void missingTargetUnderErrorSaysToDropOrFill() {
        String message = failure("x,y\n1,2.5\n2, \n", Map.of("target", "y", "task", "regression"));
        assertEquals(file() + " line 3 (data row 2), column 'y' (column 2) is empty; set 'missing' to drop to leave "
                + "out rows without a target, or fill the cell", message);
    }

    @Test
    void dropLeavesOutIncompleteRowsAndCountsThemInTheIdentity() throws Exception {
        String text = "x1,colour,y\n1,red,a\n,green,b\n3,blue,b\n4,NA,a\n5,red,?\n6,red,b\n";
        Dataset data = open(text, Map.of("target", "y", "categorical", "colour", "missing", "drop"));
        assertEquals(3, data.size());
        assertEquals(List.of("blue", "red"), data.schema().featureCategories().get("colour"),
                "categories seen only in dropped rows are no categories");
        assertArrayEquals(new float[][] {{1, 1}, {3, 0}, {6, 1}}, all(data).features().toFloatMatrix());
        assertArrayEquals(new float[] {0, 1, 1}, all(data).targets().toFloatVector());
        assertTrue(data.identity().endsWith(" rows=3 missing=drop dropped=3"), data.identity());
    }

    @Test
    void dropStillRejectsTextInANumericColumn() {
        String message = failure("x1,x2,y\n1,,a\n2,abc,b\n", Map.of("target", "y", "missing", "drop"));
        assertTrue(message.contains("line 3 (data row 2), column 'x2' (column 2): 'abc' is not a number"), message);
    }

    @Test
    void imputeLeavesMissingCellsNaNForTheRunToFillAndDropsRowsWithoutTarget() throws Exception {
        String text = "x1,colour,y\n1,red,a\nNA,blue,b\n5,,a\n3,red,b\n2,blue,\n";
        Dataset data = open(text, Map.of("target", "y", "categorical", "colour", "missing", "impute"));
        assertEquals(4, data.size());
        float nan = Float.NaN;
        assertArrayEquals(new float[][] {{1, 1}, {nan, 0}, {5, nan}, {3, 1}}, all(data).features().toFloatMatrix(),
                "no fill value from the whole file: the run fills the cells from its training rows alone");
        assertTrue(data.identity().endsWith(" rows=4 missing=impute dropped=1 imputed=2"), data.identity());
    }

    @Test
    void imputeWithAnEmptyColumnOrDropOfEveryRowIsAnError() {
        String empty = failure("x1,x2,y\n1,,a\n2,,b\n", Map.of("target", "y", "missing", "impute"));
        assertEquals(file() + ": column 'x2' has no value in any row, so there is nothing to impute from; leave it "
                + "out of 'features' or fill it", empty);
        String none = failure("x1,x2,y\n1,,a\n,2,b\n", Map.of("target", "y", "missing", "drop"));
        assertTrue(none.startsWith(file() + ": all 2 data rows have missing values"), none);
    }

    @Test
    void completeFileKeepsItsPlainIdentityUnderEveryPolicy() throws Exception {
        for (String policy : List.of("error", "drop", "impute")) {
            Dataset data = open("x,y\n1,a\n2,b\n", Map.of("target", "y", "missing", policy));
            assertTrue(data.identity().endsWith(" rows=2"), data.identity());
            assertEquals(TargetKind.BINARY, data.schema().targetKind());
        }
    }

    private Dataset open(String text, Map<String, String> raw) throws IOException, DatasetException {
        Files.writeString(folder.resolve("data.csv"), text, StandardCharsets.UTF_8);
        Map<String, Object> all = new HashMap<>(raw);
        all.put("file", "data.csv");
        return csv.open(Parameters.resolve(csv.descriptor(), all, folder), 1L);
    }

    private String failure(String text, Map<String, String> raw) {
        return assertThrows(DatasetException.class, () -> open(text, raw)).getMessage();
    }

    private String file() {
        return folder.resolve("data.csv").toAbsolutePath().normalize().toString();
    }

    private static Examples all(Dataset data) throws DatasetException {
        return data.read(IntStream.range(0, data.size()).toArray());
    }
}
