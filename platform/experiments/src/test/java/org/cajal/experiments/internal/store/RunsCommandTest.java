package org.cajal.experiments.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandTest {

    @TempDir
    Path dir;

    RunsCommand command;
    ByteArrayOutputStream out;
    ByteArrayOutputStream err;

    @BeforeEach
    void setUp() throws IOException {
        command = new RunsCommand();
        command.store = new DefaultRunStore(dir);
        TestFolders.sample(TestFolders.HOLDOUT, dir);
        TestFolders.sample(TestFolders.KFOLD, dir);
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return command.execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsATableWithTheHeadlineMetric() {
        assertEquals(0, run());
        assertTrue(out().contains("id"), out());
        assertTrue(out().contains(TestFolders.KFOLD) && out().contains(TestFolders.HOLDOUT), out());
        assertTrue(out().contains("accuracy 1"), out());
        assertTrue(out().contains("2 folders in " + dir), out());
        assertEquals(0, run("list", "--filter", "nothing-matches"));
        assertTrue(out().contains("0 folders"), out());
    }

    @Test
    void tagsAndFiltersByTag() {
        assertEquals(0, run("tag", TestFolders.HOLDOUT, "baseline", "v1"));
        assertTrue(out().contains("baseline, v1"), out());
        assertEquals(0, run("tag", TestFolders.HOLDOUT, "--remove", "v1"));
        assertEquals(0, run("list", "--tag", "baseline"));
        assertTrue(out().contains(TestFolders.HOLDOUT) && !out().contains(TestFolders.KFOLD), out());
        assertEquals(1, run("tag", TestFolders.HOLDOUT, "a,b"));
        assertTrue(err().contains("comma"), err());
        assertEquals(2, run("tag", TestFolders.HOLDOUT));
    }

    @Test
    void deleteWithoutYesOnlyListsAndReturnsTwo() {
        assertEquals(2, run("delete", TestFolders.HOLDOUT));
        assertTrue(out().contains("would delete") && out().contains(TestFolders.HOLDOUT), out());
        assertTrue(Files.exists(dir.resolve(TestFolders.HOLDOUT)));
        assertEquals(0, run("delete", TestFolders.HOLDOUT, "--yes"));
        assertFalse(Files.exists(dir.resolve(TestFolders.HOLDOUT)));
    }

    @Test
    void deleteNamesAFolderThatIsNotARunAndDeletesNothing() throws IOException {
        Files.createDirectories(dir.resolve("mine"));
        assertEquals(1, run("delete", TestFolders.KFOLD, "mine", "--yes"));
        assertTrue(err().contains("mine") && err().contains("nothing deleted"), err());
        assertTrue(Files.exists(dir.resolve(TestFolders.KFOLD)));
        assertEquals(1, run("delete", "absent", "--yes"));
        assertTrue(err().contains("absent: no such folder"), err());
    }

    @Test
    void comparePrintsTheTableAndPlots() throws IOException {
        Path png = dir.resolve("chart.png");
        assertEquals(0, run("compare", TestFolders.HOLDOUT, dir.resolve(TestFolders.KFOLD).toString(), "--plot",
                png.toString(), "--metric", "validation_loss"));
        assertTrue(out().lines().anyMatch(l -> l.startsWith("run") && l.contains("accuracy")), out());
        assertTrue(Files.size(png) > 1000);
        assertEquals(2, run("compare", TestFolders.HOLDOUT, "--plot", "x.pdf", "--metric", "train_loss"));
        assertEquals(2, run("compare", TestFolders.HOLDOUT, "--plot", "x.png"));
        assertEquals(1, run("compare", TestFolders.HOLDOUT, "--plot", dir.resolve("y.png").toString(), "--metric",
                "nope"));
        assertTrue(err().contains("nope"), err());
    }

    @Test
    void usageErrorsReturnTwo() {
        assertEquals(2, run("--bogus"));
        assertTrue(err().contains("usage: cajal runs"), err());
        assertEquals(2, run("list", "--tag"));
        assertEquals(2, run("tag", "x", "--yes"));
        assertEquals(1, run("list", "--dir", dir.resolve("missing").toString()));
    }
}
