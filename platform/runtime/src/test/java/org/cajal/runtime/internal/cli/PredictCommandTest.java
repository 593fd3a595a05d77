package org.cajal.runtime.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cajal.runfolder.CsvTable;
import org.cajal.runtime.internal.folder.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** {@code cajal predict} on raw rows with missing cells, unknown categories and unreadable rows. */
class PredictCommandTest {

    /** What one command run printed and returned. */
    private record Result(int status, String out, String err) {
        CsvTable table() throws Exception {
            return CsvTable.parse(out);
        }
    }

    private static Result predict(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PredictCommand().execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result predict(Path run, Path dir, String csv, String... options) throws Exception {
        Path input = dir.resolve("new.csv");
        Files.writeString(input, csv);
        List<String> args = new java.util.ArrayList<>(List.of(run.toString(), input.toString()));
        args.addAll(List.of(options));
        return predict(args.toArray(String[]::new));
    }

    /** The saved model's probability of "yes" for features as the network takes them. */
    private static double yes(Path run, double... encoded) throws Exception {
        SavedModel model = SavedModel.load(run);
        return model.network().output(Nd4j.create(new double[][] {encoded}).castTo(DataType.FLOAT), false)
                .getDouble(0, 1);
    }

    private static double p(CsvTable table, int row) {
        return Double.parseDouble(table.cell(row, "p(yes)"));
    }

    @Test
    void aMissingCellIsFilledWithTheFillValueTheRunSaved(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), "impute", true, true);
        Result r = predict(run, dir, "x,colour\n1,blue\n,green\n3,NA\n");
        assertEquals(0, r.status(), r.err());
        assertFalse(r.err().contains("not scored"), r.err());
        CsvTable t = r.table();
        assertEquals(List.of("row", "predicted", "p(no)", "p(yes)"), t.header());
        assertEquals(List.of("1", "2", "3"), t.rows().stream().map(c -> c.get(0)).toList());
        assertEquals(yes(run, 1, 1, 0, 0), p(t, 0), 1e-5);
        assertEquals(yes(run, SavedRunFolder.FILL_X, 0, 1, 0), p(t, 1), 1e-5, "x filled with the saved mean");
        assertEquals(yes(run, 3, 0, 0, 1), p(t, 2), 1e-5, "colour filled with the saved category (red)");
    }

    @Test
    void aMissingCellUnderDropIsReportedByRowAndTheOthersAreScored(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), "drop", false, true);
        Result r = predict(run, dir, "x,colour\n1,blue\nNA,green\n3,red\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("not scored: " + dir.resolve("new.csv") + " row 2 (line 3): column 'x' has "
                + "no value; the run's missing-value policy is 'drop'"), r.err());
        assertTrue(r.err().contains("scored 2 of 3 rows of " + dir.resolve("new.csv") + "; 1 not scored, 0 warnings"),
                r.err());
        assertEquals(List.of("1", "3"), r.table().rows().stream().map(c -> c.get(0)).toList());
    }

    @Test
    void anImputingRunThatSavedNoFillValuesReportsTheRow(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), "impute", false, true);
        Result r = predict(run, dir, "x,colour\n1,\n,red\n2,red\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("row 1 (line 2): column 'colour' has no value, and the run's saved "
                + "preprocessing holds no fill value"), r.err());
        assertTrue(r.err().contains("row 2 (line 3): column 'x' has no value, and"), r.err());
        assertEquals(List.of("3"), r.table().rows().stream().map(c -> c.get(0)).toList());
    }

    @Test
    void anUnknownCategoryIsAllZeroOneHotWithAWarning(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Result r = predict(run, dir, "x,colour\n1,purple\n2,red\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("warning: " + dir.resolve("new.csv") + " row 1 (line 2): column 'colour': "
                + "'purple' is not a category the model knows (blue, green, red); scored with all of its one-hot "
                + "columns 0"), r.err());
        assertTrue(r.err().contains("0 not scored, 1 warning"), r.err());
        assertEquals(yes(run, 1, 0, 0, 0), p(r.table(), 0), 1e-5);
    }

    @Test
    void anUnknownCategoryTakesTheFillCategoryTheRunSavedWithAWarning(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), "error", true, true);
        Result r = predict(run, dir, "x,colour\n1,purple\n2,green\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("row 1 (line 2): column 'colour': 'purple' is not a category the model knows "
                + "(blue, green, red); scored as 'red', the run's fill category"), r.err());
        assertEquals(yes(run, 1, 0, 0, 1), p(r.table(), 0), 1e-5);
        assertEquals(yes(run, 2, 0, 1, 0), p(r.table(), 1), 1e-5);
    }

    @Test
    void anUnknownCategoryFedAsItsIndexIsReported(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, false);
        Result r = predict(run, dir, "x,colour\n1,purple\n2,red\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("row 1 (line 2): column 'colour': 'purple' is not a category the model knows "
                + "(blue, green, red), and the run's saved preprocessing gives the model no category for it"), r.err());
        assertEquals(yes(run, 2, 2), p(r.table(), 0), 1e-5);
    }

    @Test
    void oneBadRowAmongGoodOnesIsReportedByRowNumberAndLine(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Result r = predict(run, dir, "x,colour\n1,blue\nabc,red\n\n2,green\n");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("row 2 (line 3): column 'x' (column 1): 'abc' is not a number"), r.err());
        List<String> ids = r.table().rows().stream().map(c -> c.get(0)).toList();
        assertEquals(List.of("1", "3"), ids, "blank lines are not rows; row 3 is on line 5");
    }

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Result r = predict(run, dir, "note,x,colour\n\"a, b\",1,blue\n\"two\nlines\",abc,red\n\"say \"\"hi\"\"\",2,green\n",
                "--with-inputs");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.err().contains("row 2 (line 3): column 'x' (column 2): 'abc' is not a number"), r.err());
        CsvTable t = r.table();
        assertEquals(List.of("1", "a, b", "1", "blue"), t.rows().get(0).subList(0, 4));
        assertEquals(List.of("3", "say \"hi\"", "2", "green"), t.rows().get(1).subList(0, 4));
        Result unclosed = predict(run, dir, "x,colour\n\"1,blue\n");
        assertEquals(1, unclosed.status());
        assertTrue(unclosed.err().contains(dir.resolve("new.csv") + ", line "), unclosed.err());
        assertTrue(unclosed.err().contains("check its quotes"), unclosed.err());
    }

    @Test
    void noRowScoredIsStatusOne(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), "error", false, true);
        Result r = predict(run, dir, "x,colour\n,blue\n");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("missing-value policy is 'error'"), r.err());
        assertTrue(r.err().contains("no row of " + dir.resolve("new.csv") + " could be scored"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void withInputsRepeatsTheInputColumnsBeforeThePrediction(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Result r = predict(run, dir, "id,x,colour,predicted\na7,1,blue,?\nb2,2\n", "--with-inputs");
        assertEquals(0, r.status(), r.err());
        CsvTable t = r.table();
        assertEquals(List.of("row", "id", "x", "colour", "input_predicted", "predicted", "p(no)", "p(yes)"),
                t.header());
        assertEquals(List.of("1", "a7", "1", "blue", "?"), t.rows().get(0).subList(0, 5));
        assertEquals(1, t.rows().size(), "row 2 has no colour: " + r.err());
    }

    @Test
    void outWritesTheFileAndSaysHowManyRows(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Path file = dir.resolve("p.csv");
        Result r = predict(run, dir, "x,colour\n1,blue\n2,green\n", "--out", file.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().startsWith("wrote 2 predictions to " + file.toAbsolutePath()), r.out());
        assertEquals(2, CsvTable.read(file).rows().size());
    }

    @Test
    void everyErrorNamesItsFileAndNoneMentionsAFileThatIsNotWritten(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Result absent = predict(run.toString(), dir.resolve("absent.csv").toString());
        assertEquals(1, absent.status());
        assertTrue(absent.err().contains(dir.resolve("absent.csv") + " not found"), absent.err());
        Result column = predict(run, dir, "x,shade\n1,blue\n");
        assertTrue(column.err().contains(dir.resolve("new.csv") + " has no column 'colour'"), column.err());
        Result noModel = predict(dir.resolve("nothing").toString(), dir.resolve("new.csv").toString());
        assertEquals(1, noModel.status());
        assertTrue(noModel.err().contains(dir.resolve("nothing") + " not found"), noModel.err());
        Files.writeString(run.resolve("model.zip"), "not a zip");
        Result broken = predict(run.toString(), dir.resolve("new.csv").toString());
        assertTrue(broken.err().contains(run.resolve("model.zip") + " is not a model file"), broken.err());
        for (Result r : List.of(absent, column, noModel, broken)) {
            assertFalse(r.err().contains("error.txt"), r.err());
        }
    }

    @Test
    void aSemicolonSeparatedInputGetsAHint(@TempDir Path dir) throws Exception {
        Path run = SavedRunFolder.write(dir.resolve("run"), null, false, true);
        Result r = predict(run, dir, "x;colour\n1;blue\n");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains(dir.resolve("new.csv") + " has no column 'x'"), r.err());
        assertTrue(r.err().contains("line 1 (the header) has one column \"x;colour\" — the file looks ;-separated"),
                r.err());
    }

    @Test
    void aUsageErrorIsStatusTwo() {
        Result r = predict("only-one");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--with-inputs"), r.err());
    }
}
