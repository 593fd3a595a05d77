package org.cajal.experiments.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's explanations part: written from a run's explain folder, absent without one. */
class ExplanationTextTest {

    @Test
    void aRunWithAnExplainFolderGetsAnExplanationsPart(@TempDir Path dir) throws Exception {
        Path run = Files.createDirectories(dir.resolve("run/explain"));
        Files.writeString(run.resolve("importance.csv"), """
                feature,kind,metric,baseline,importance,sd,low95,high95,repeats
                area,numeric,rmse,0.0646,0.996,0.09,0.929,1.06,10
                region,categorical,rmse,0.0646,0.31,0.04,0.28,0.34,10
                """);
        Files.writeString(run.resolve("explain.json"), """
                {"split": "test", "rows": 40, "metric": "rmse", "baseline": 0.0646, "repeats": 10, "grid": 20}
                """);
        Files.write(run.resolve("importance.png"), new byte[] {1, 2, 3});
        Path out = Files.createDirectories(dir.resolve("report"));
        List<Path> written = new ArrayList<>();
        ExplanationText.write(dir.resolve("run"), out, written);
        String md = Files.readString(out.resolve("explanations.md"));
        assertTrue(md.contains("on 40 rows of the test split as the loss of rmse"), md);
        assertTrue(md.contains("repeated over 10 permutations"), md);
        assertTrue(md.contains("| region | categorical | 0.31 | [0.28, 0.34] |"), md);
        assertTrue(md.contains("![explain-importance](explain-importance.png)"), md);
        assertTrue(Files.exists(out.resolve("explain-importance.png")));
        assertEquals(2, written.size());
    }

    @Test
    void aRunWithoutOneGetsNone(@TempDir Path dir) throws Exception {
        List<Path> written = new ArrayList<>();
        ExplanationText.write(Files.createDirectories(dir.resolve("run")), dir, written);
        assertTrue(written.isEmpty());
        assertTrue(Files.notExists(dir.resolve("explanations.md")));
    }
}
