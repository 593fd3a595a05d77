package org.cajal.datasets.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.nd4j.linalg.api.buffer.DataType;

class CsvDatasetProviderTest {

    private static final String IRIS = """
            sepal,petal,species
            5.1,1.4,setosa
            7.0,4.7,versicolor
            6.3,6.0,virginica
            4.9,1.3,setosa
            """;

    @TempDir
    Path folder;

    private final CsvDatasetProvider csv = new CsvDatasetProvider();

    @Test
    void textTargetIsClassificationWithAlphabeticalClasses() throws Exception {
        Dataset data = open(IRIS, Map.of("target", "species"));
        assertEquals(TargetKind.MULTICLASS, data.schema().targetKind());
        assertEquals(List.of("sepal", "petal"), data.schema().featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), data.schema().classLabels());
        Examples all = readAll(data);
        assertEquals(DataType.FLOAT, all.features().dataType());
        assertArrayEquals(new float[][] {{5.1f, 1.4f}, {7.0f, 4.7f}, {6.3f, 6.0f}, {4.9f, 1.3f}},
                all.features().toFloatMatrix());
        assertArrayEquals(new float[] {0, 1, 2, 0}, all.targets().toFloatVector());
    }

    @Test
    void fewWholeNumbersAreClassesSortedNumerically() throws Exception {
        Dataset data = open("x,grade\n1,10\n2,2\n3,1\n4,2.0\n", Map.of("target", "grade"));
        assertEquals(List.of("1", "2", "10"), data.schema().classLabels());
        assertArrayEquals(new float[] {2, 1, 0, 1}, readAll(data).targets().toFloatVector());
    }

    @Test
    void fractionalTargetIsRegression() throws Exception {
        Dataset data = open("rooms,area,price\n3,70,250.5\n4,95,310\n2,50,180.25\n", Map.of("target", "price"));
        assertEquals(TargetKind.REGRESSION, data.schema().targetKind());
        assertEquals(List.of("price"), data.schema().targetNames());
        Examples all = readAll(data);
        assertArrayEquals(new long[] {3, 1}, all.targets().shape());
        assertArrayEquals(new float[] {250.5f, 310f, 180.25f}, all.targets().toFloatVector());
    }

    @Test
    void manyDistinctWholeNumbersAreRegressionUnlessToldOtherwise() throws Exception {
        StringBuilder text = new StringBuilder("x,y\n");
        IntStream.range(0, 11).forEach(i -> text.append(i).append(',').append(i * 3).append('\n'));
        assertEquals(TargetKind.REGRESSION, open(text.toString(), Map.of("target", "y")).schema().targetKind());
        Dataset classes = open(text.toString(), Map.of("target", "y", "task", "classification"));
        assertEquals(11, classes.schema().classCount());
    }

    @Test
    void chosenFeaturesSemicolonsAndQuotedHeaders() throws Exception {
        Dataset data = open("\"a\";b;c;label\n1;2;3;yes\n4;5;6;no\n",
                Map.of("target", "label", "features", "c, a", "delimiter", ";"));
        assertEquals(List.of("c", "a"), data.schema().featureNames());
        assertEquals(TargetKind.BINARY, data.schema().targetKind());
        assertArrayEquals(new float[][] {{6, 4}}, data.read(new int[] {1}).features().toFloatMatrix());
    }

    @Test
    void tabSeparatedFile() throws Exception {
        Dataset data = open("x\ty\n1\t0\n2\t1\n", Map.of("target", "y", "delimiter", "\\t"));
        assertEquals(2, data.size());
    }

    @Test
    void identityNamesAbsolutePathChecksumAndRows() throws Exception {
        Dataset data = open(IRIS, Map.of("target", "species"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(IRIS.getBytes(StandardCharsets.UTF_8));
        String expected = "csv " + folder.resolve("data.csv").toAbsolutePath() + " sha256:"
                + HexFormat.of().formatHex(digest).substring(0, 12) + " rows=4";
        assertEquals(expected, data.identity());
    }

    @Test
    void badCellNamesFileLineRowColumnTextAndFix() throws Exception {
        String message = failure("x1,x2,y\n1,2,a\n\n3,abc,b\n", Map.of("target", "y"));
        assertEquals(file() + " line 4 (data row 2), column 'x2' (column 2): 'abc' is not a number; feature columns "
                + "must hold numbers (such as 3.5 or -1e-3): fix the cell, name the column in 'categorical' if it holds "
                + "categories, or leave the column out by listing the other columns in 'features'", message);
    }

    @Test
    void textTargetUnderRegressionIsABadCell() throws Exception {
        String message = failure("x,y\n1,2.5\n2,high\n", Map.of("target", "y", "task", "regression"));
        assertTrue(message.startsWith(file() + " line 3 (data row 2), column 'y' (column 2): 'high' is not a number; "
                + "a regression target must be a number"), message);
    }

    @Test
    void missingTargetColumnListsTheAvailableOnes() throws Exception {
        String message = failure(IRIS, Map.of("target", "class"));
        assertEquals(file() + " has no column 'class' to use as the target; available columns: sepal, petal, species",
                message);
    }

    @Test
    void aSemicolonOrTabSeparatedFileReadWithoutItsDelimiterGetsAHint() throws Exception {
        String semicolons = failure("x1;x2;label\n1;2;a\n3;4;b\n", Map.of("target", "label"));
        assertEquals(file() + " has no column 'label' to use as the target; available columns: x1;x2;label; line 1 "
                + "(the header) has one column \"x1;x2;label\" — the file looks ;-separated: set \"delimiter\": "
                + "\";\" in the dataset's params", semicolons);
        String tabs = failure("x1\tx2\tlabel\n1\t2\ta\n", Map.of("target", "label"));
        assertTrue(tabs.contains("the file looks tab-separated: set \"delimiter\": \"tab\""), tabs);
        String commas = failure("x1,x2,label\n1,2,a\n", Map.of("target", "label", "delimiter", ";"));
        assertTrue(commas.contains("the file looks ,-separated: set \"delimiter\": \",\""), commas);
        String found = failure("label;x\n", Map.of("target", "label;x"));
        assertTrue(found.contains("has only one column; line 1 (the header) has one column"), found);
    }

    @Test
    void unknownFeatureColumnIsNamed() throws Exception {
        String message = failure(IRIS, Map.of("target", "species", "features", "sepal,width"));
        assertTrue(message.contains("has no column 'width' (named in 'features')"), message);
    }

    @Test
    void emptyFileAndHeaderOnlyHaveNoDataRows() throws Exception {
        assertTrue(failure("", Map.of("target", "y")).startsWith(file() + " has no data rows"));
        assertTrue(failure("x,y\n", Map.of("target", "y")).startsWith(file() + " has no data rows"));
    }

    @Test
    void missingFileSaysNotFoundAndHowRelativePathsResolve() throws Exception {
        Parameters parameters = parameters(Map.of("file", "nowhere/data.csv", "target", "y"));
        DatasetException e = assertThrows(DatasetException.class, () -> csv.open(parameters, 1L));
        assertTrue(e.getMessage().contains(folder.resolve("nowhere/data.csv").toString() + " not found"), e.getMessage());
        assertTrue(e.getMessage().contains("relative paths resolve against the pipeline file's folder"));
    }

    @Test
    void raggedRowGivesLineAndBothCounts() throws Exception {
        String message = failure("x1,x2,y\n1,2,a\n3,b\n", Map.of("target", "y"));
        assertTrue(message.startsWith(file() + " line 3 (data row 2) has 2 columns but the header has 3"), message);
    }

    @Test
    void emptyCellIsAnErrorByDefaultThatSaysHowToAllowIt() throws Exception {
        String message = failure("x1,x2,y\n1,,a\n", Map.of("target", "y"));
        assertEquals(file() + " line 2 (data row 1), column 'x2' (column 2) is empty; set 'missing' to drop (leave "
                + "out such rows) or impute (fill in the column's mean or most frequent value in the training rows), "
                + "or fill the cell",
                message);
    }

    @Test
    void singleClassIsRejected() throws Exception {
        String message = failure("x,y\n1,a\n2,a\n", Map.of("target", "y"));
        assertTrue(message.contains("target column 'y' has only one value ('a')"), message);
    }

    @Test
    void badDelimiterIsExplained() throws Exception {
        String message = failure(IRIS, Map.of("target", "species", "delimiter", ";;"));
        assertTrue(message.contains("must be a single character"), message);
    }

    private Dataset open(String text, Map<String, String> raw) throws IOException, DatasetException {
        Files.writeString(folder.resolve("data.csv"), text, StandardCharsets.UTF_8);
        Map<String, Object> all = new HashMap<>(raw);
        all.put("file", "data.csv");
        return csv.open(parameters(all), 1L);
    }

    private String failure(String text, Map<String, String> raw) {
        return assertThrows(DatasetException.class, () -> open(text, raw)).getMessage();
    }

    private Parameters parameters(Map<String, ?> raw) {
        return Parameters.resolve(csv.descriptor(), raw, folder);
    }

    private String file() {
        return folder.resolve("data.csv").toAbsolutePath().normalize().toString();
    }

    private static Examples readAll(Dataset data) throws DatasetException {
        return data.read(IntStream.range(0, data.size()).toArray());
    }
}
