package org.cajal.experiments.internal.repeats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.Repeats.RepeatSummary;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.TrialLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repeats folder written by round 1's code (the run-folder library's fixture) reads, and writes, the same. */
class Round1RepeatsTest {

    private static final Path FIXTURE = Path.of("../runfolder/src/test/resources/round1/repeats");

    @Test
    void readsTheSummaryAndCurvesOfRound1() throws IOException {
        RepeatSummary summary = new RepeatsService().summary(FIXTURE);
        assertEquals(List.of(42L, 43L, 44L, 45L, 46L), summary.seeds().stream().sorted().toList());
        assertEquals(3, summary.folds());
        assertEquals(5, summary.metrics().get("accuracy").n());
        assertEquals(0.8335196832052179, summary.metrics().get("accuracy").mean());
        assertEquals(3, summary.curves().get("validation_loss").size());
        assertEquals(0.6177166076, summary.curves().get("validation_loss").get(1).mean());
    }

    @Test
    void rewritesSummaryJsonByteForByte(@TempDir Path dir) throws IOException {
        Path copy = copy(FIXTURE, dir.resolve("repeats"));
        List<Trial> trials = TrialLog.open(copy).read().stream()
                .sorted(java.util.Comparator.comparingInt(Trial::number)).toList();
        new RepeatsFiles(copy, 3).ended(trials);
        assertArrayEquals(Files.readAllBytes(FIXTURE.resolve(ExperimentFiles.SUMMARY)),
                Files.readAllBytes(copy.resolve(ExperimentFiles.SUMMARY)));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
