package org.cajal.experiments.internal.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cajal.api.run.ExperimentFiles;
import org.cajal.experiments.MetricScale;
import org.cajal.experiments.Repeats.RepeatSummary;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.TrialLog;
import org.cajal.runfolder.Json;
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

    /**
     * Rewriting round 1's summary.json keeps every number but the intervals, which are now computed on the
     * metric's scale (and say so in {@code method}); the rest of the file is unchanged.
     */
    @Test
    void rewritesSummaryJsonWithIntervalsOnTheMetricsScale(@TempDir Path dir) throws IOException {
        Path copy = copy(FIXTURE, dir.resolve("repeats"));
        List<Trial> trials = TrialLog.open(copy).read().stream()
                .sorted(java.util.Comparator.comparingInt(Trial::number)).toList();
        new RepeatsFiles(copy, 3).ended(trials);
        ObjectNode before = (ObjectNode) Json.readTree(FIXTURE.resolve(ExperimentFiles.SUMMARY));
        ObjectNode after = (ObjectNode) Json.readTree(copy.resolve(ExperimentFiles.SUMMARY));
        after.get("metrics").fields().forEachRemaining(e -> {
            ObjectNode m = (ObjectNode) e.getValue();
            MetricScale scale = MetricScale.of(e.getKey());
            assertEquals(scale.method(), m.get("method").asText(), e.getKey());
            assertTrue(m.get("ciLow").asDouble() >= scale.clamp(m.get("ciLow").asDouble())
                    && m.get("ciHigh").asDouble() <= scale.clamp(m.get("ciHigh").asDouble()), e.getKey());
            assertTrue(m.get("ciLow").asDouble() < m.get("mean").asDouble()
                    && m.get("mean").asDouble() < m.get("ciHigh").asDouble(), e.getKey());
            m.remove(List.of("ciLow", "ciHigh", "method"));
            ((ObjectNode) before.get("metrics").get(e.getKey())).remove(List.of("ciLow", "ciHigh"));
        });
        assertEquals(before, after);
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
