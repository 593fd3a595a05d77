package org.cajal.experiments.internal.repeats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cajal.testfixtures.FakeRunner;
import org.cajal.testfixtures.TestPipelines;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.train.TrainingListener;
import org.cajal.experiments.Comparison;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Repeats;
import org.cajal.experiments.MetricScale;
import org.cajal.experiments.Statistics;
import org.cajal.experiments.Summary;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.CommandSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepeatsServiceTest {

    @TempDir
    Path tmp;

    private final FakeRunner runner = new FakeRunner();
    private final RepeatsService service = new RepeatsService(runner, runner, runner);

    private Path file(String name, double lr, String split) throws IOException {
        String text = TestPipelines.dense(name, lr, 8);
        if (split != null) {
            text = text.replaceFirst("\"dataset\"", "\"split\": " + split + ",\n  \"dataset\"");
        }
        Path f = tmp.resolve(name + ".json");
        Files.writeString(f, text);
        return f;
    }

    /** The fake's loss for learning rate 0.01, 8 units, the seed: 0.1 + 0.01 (seed mod 5). */
    private static double loss(double lr, long seed) {
        return Math.pow(Math.log10(lr) + 2, 2) + 0.1 + 0.01 * Math.floorMod(seed, 5);
    }

    private Experiment repeat(Path file, int times, long seed) throws Exception {
        Experiment e = service.repeat(PipelineSource.of(file), tmp.resolve("runs"), times, seed, 2, null);
        e.done().get(30, TimeUnit.SECONDS);
        return e;
    }

    @Test
    void repeatsWriteTheSummaryAndTheCurves() throws Exception {
        Experiment e = repeat(file("rep", 0.01, null), 3, 1);
        List<Trial> trials = e.trials();
        assertEquals(List.of(1L, 2L, 3L), trials.stream().map(Trial::seed).toList());
        assertTrue(e.folder().getFileName().toString().startsWith("repeats-rep-"));
        double[] accuracy = {1 / (1 + loss(0.01, 1)), 1 / (1 + loss(0.01, 2)), 1 / (1 + loss(0.01, 3))};
        Summary expected = Statistics.summarise(accuracy, MetricScale.PROPORTION);
        JsonNode json = org.cajal.runfolder.Json.readTree(e.folder().resolve(ExperimentFolder.SUMMARY));
        assertEquals(3, json.at("/metrics/accuracy/n").asInt());
        assertEquals(expected.mean(), json.at("/metrics/accuracy/mean").asDouble(), 1e-12);
        assertEquals(expected.sd(), json.at("/metrics/accuracy/sd").asDouble(), 1e-12);
        assertEquals(expected.ciLow(), json.at("/metrics/accuracy/ciLow").asDouble(), 1e-12);
        assertEquals(expected.ciHigh(), json.at("/metrics/accuracy/ciHigh").asDouble(), 1e-12);
        assertEquals("t on logit scale", json.at("/metrics/accuracy/method").asText());
        assertTrue(expected.ciHigh() < 1, "inside [0, 1]");
        assertEquals(1, json.get("folds").asInt());
        assertEquals("[1,2,3]", json.get("seeds").toString());

        List<String> curves = Files.readAllLines(e.folder().resolve(ExperimentFolder.CURVES));
        assertEquals("epoch,train_loss_mean,train_loss_low,train_loss_high,train_loss_n,validation_loss_mean,"
                + "validation_loss_low,validation_loss_high,validation_loss_n,validation_accuracy_mean,"
                + "validation_accuracy_low,validation_accuracy_high,validation_accuracy_n", curves.get(0));
        assertEquals(4, curves.size(), "3 epochs");
        String[] last = curves.get(3).split(",");
        assertEquals("3", last[0]);
        assertEquals((loss(0.01, 1) + loss(0.01, 2) + loss(0.01, 3)) / 3, Double.parseDouble(last[5]), 1e-12);
        assertEquals("3", last[8]);

        Repeats.RepeatSummary summary = service.summary(e.folder());
        assertEquals(List.of(1L, 2L, 3L), summary.seeds());
        assertEquals(expected, summary.metrics().get("accuracy"));
        assertEquals(3, summary.curves().get("validation_loss").size());
        assertEquals(3, summary.curves().get("validation_loss").get(2).n());
    }

    @Test
    void kFoldRepeatsSummariseEachRepeatsFoldMeanAndKeepEveryFoldsValue() throws Exception {
        Experiment e = repeat(file("kf", 0.01, "{\"folds\": 3}"), 2, 1);
        JsonNode json = org.cajal.runfolder.Json.readTree(e.folder().resolve(ExperimentFolder.SUMMARY));
        assertEquals(3, json.get("folds").asInt());
        // the folds of one repeat are not independent: each repeat counts once, as the mean of its folds
        assertEquals(2, json.at("/metrics/accuracy/n").asInt(), "2 repeats, each the mean of its 3 folds");
        JsonNode values = json.at("/values/accuracy");
        assertEquals(1 / (1 + loss(0.01, 1) + 0.01), values.get(0).asDouble(), 1e-12);
        assertEquals(1 / (1 + loss(0.01, 2) + 0.03), values.get(5).asDouble(), 1e-12);
        double seed1 = (values.get(0).asDouble() + values.get(1).asDouble() + values.get(2).asDouble()) / 3;
        double seed2 = (values.get(3).asDouble() + values.get(4).asDouble() + values.get(5).asDouble()) / 3;
        assertEquals((seed1 + seed2) / 2, json.at("/metrics/accuracy/mean").asDouble(), 1e-12);
        assertEquals(Math.abs(seed1 - seed2) / Math.sqrt(2), json.at("/metrics/accuracy/sd").asDouble(), 1e-12);
        // fold i trains 3 + i − 1 epochs: 5 rows; each repeat's curve is the mean of its folds that reached the
        // epoch, so every row summarises the 2 repeats
        List<String> curves = Files.readAllLines(e.folder().resolve(ExperimentFolder.CURVES));
        assertEquals(6, curves.size());
        assertTrue(curves.get(5).endsWith(",2"), curves.get(5));
        assertTrue(curves.get(1).endsWith(",2"), curves.get(1));
    }

    @Test
    void comparesTwoRepeatsFoldersPairedBySeed() throws Exception {
        Experiment a = repeat(file("a", 0.01, null), 3, 1);
        Experiment b = repeat(file("b", 0.02, null), 3, 1);
        Comparison c = service.compare(a.folder(), b.folder(), null);
        double[] va = new double[3];
        double[] vb = new double[3];
        for (int s = 1; s <= 3; s++) {
            va[s - 1] = 1 / (1 + loss(0.01, s));
            vb[s - 1] = 1 / (1 + loss(0.02, s));
        }
        // default split: validation 0.2, test 0.2 → scored on 0.2, trained on 0.6
        assertSame(Statistics.correctedResampledTTest(va, vb, 0.2 / 0.6, "accuracy", true), c);
        Comparison loss = service.compare(a.folder(), b.folder(), "logLoss");
        assertEquals("logLoss", loss.metric());
        assertTrue(loss.meanDifference() < 0);
    }

    @Test
    void comparesTwoKFoldRunsPairedByFold() throws Exception {
        Path ra = run("ka", 0.01, 7);
        Path rb = run("kb", 0.02, 7);
        Comparison c = service.compare(ra, rb, "accuracy");
        assertEquals(4, c.n());
        double[] va = new double[4];
        double[] vb = new double[4];
        for (int i = 1; i <= 4; i++) {
            va[i - 1] = 1 / (1 + loss(0.01, 7) + 0.01 * i);
            vb[i - 1] = 1 / (1 + loss(0.02, 7) + 0.01 * i);
        }
        assertSame(Statistics.correctedResampledTTest(va, vb, 1.0 / 3, "accuracy", true), c);
    }

    /** Equal up to rounding (the scores went through JSON text). */
    private static void assertSame(Comparison expected, Comparison actual) {
        assertEquals(expected.metric(), actual.metric());
        assertEquals(expected.n(), actual.n());
        assertEquals(expected.meanDifference(), actual.meanDifference(), 1e-12);
        assertEquals(expected.t(), actual.t(), 1e-6 * Math.abs(expected.t()));
        assertEquals(expected.p(), actual.p(), 1e-6 * expected.p());
        assertEquals(expected.ciLow(), actual.ciLow(), 1e-12);
        assertEquals(expected.verdict(), actual.verdict());
    }

    private Path run(String name, double lr, long seed) throws Exception {
        var doc = runner.read(file(name, lr, "{\"folds\": 4}"));
        var handle = runner.start(doc, new RunOptions(tmp.resolve("runs"), OptionalLong.of(seed)),
                TrainingListener.none());
        handle.result().get(30, TimeUnit.SECONDS);
        return handle.folder();
    }

    @Test
    void sidesThatCannotBePairedSayWhy() throws Exception {
        Experiment a = repeat(file("a", 0.01, null), 3, 1);
        Experiment shifted = repeat(file("b", 0.02, null), 3, 2);
        assertMessage(() -> service.compare(a.folder(), shifted.folder(), null), "paired by seed");
        Path kfold = run("k", 0.01, 1);
        assertMessage(() -> service.compare(a.folder(), kfold, null), "pair repeats folders with repeats folders");
        assertMessage(() -> service.compare(kfold, run("k2", 0.02, 2), null), "with seed 1 and B with seed 2");
        Path stopped = run("k3", 0.02, 1);
        Files.writeString(stopped.resolve("provenance.json"), "{\"seed\": 1, \"status\": \"cancelled\"}");
        assertMessage(() -> service.compare(kfold, stopped, null), "did not finish (status cancelled)");
        Experiment otherSplit = repeat(file("c", 0.02, "{\"validation\": 0.1, \"test\": 0.3}"), 3, 1);
        assertMessage(() -> service.compare(a.folder(), otherSplit.folder(), null), "the splits differ");
        Experiment b = repeat(file("b", 0.02, null), 3, 1);
        assertMessage(() -> service.compare(a.folder(), b.folder(), "nope"), "'nope' is missing");
        Path holdout = a.trials().get(0).run();
        assertMessage(() -> service.compare(holdout, holdout, null), "is a hold-out run");
        assertMessage(() -> service.compare(tmp, tmp, null), "neither a repeats folder");
        assertMessage(() -> service.summary(tmp), "no summary.json");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String text) {
        IOException e = assertThrows(IOException.class, call);
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void repeatAndCompareCommands() throws Exception {
        Path fa = file("a", 0.01, null);
        Path fb = file("b", 0.02, null);
        CommandSupport support = new CommandSupport(tmp.resolve("runs"), null);
        RepeatCommand repeat = new RepeatCommand(service, support);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream er = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(0, repeat.execute(List.of(fa.toString(), "--times", "3", "--seed", "1"), o, er),
                err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        Summary s = Statistics.summarise(new double[] {1 / (1 + loss(0.01, 1)), 1 / (1 + loss(0.01, 2)),
                1 / (1 + loss(0.01, 3))}, MetricScale.PROPORTION);
        assertTrue(text.contains("accuracy         " + s.format(4)), text);
        assertTrue(text.contains("repeats folder: "), text);
        assertEquals(0, repeat.execute(List.of(fb.toString(), "--times", "3", "--seed", "1", "--parallel", "3"), o, er));
        Path[] folders;
        try (var list = Files.list(tmp.resolve("runs"))) {
            folders = list.filter(p -> p.getFileName().toString().startsWith("repeats-")).sorted().toArray(Path[]::new);
        }
        assertEquals(2, folders.length);
        CompareCommand compare = new CompareCommand(service);
        ByteArrayOutputStream cmp = new ByteArrayOutputStream();
        assertEquals(0, compare.execute(List.of(folders[0].toString(), folders[1].toString(), "--metric", "accuracy"),
                new PrintStream(cmp, true, StandardCharsets.UTF_8), er));
        String c = cmp.toString(StandardCharsets.UTF_8);
        assertTrue(c.contains("accuracy over 3 pairs") && c.contains("verdict: "), c);
        assertEquals(2, compare.execute(List.of(folders[0].toString()), o, er));
        assertEquals(2, repeat.execute(List.of(fa.toString(), "--times", "0"), o, er));
        ByteArrayOutputStream why = new ByteArrayOutputStream();
        assertEquals(1, compare.execute(List.of(folders[0].toString(), tmp.toString()), o,
                new PrintStream(why, true, StandardCharsets.UTF_8)));
        assertTrue(why.toString(StandardCharsets.UTF_8).startsWith("error: B ("), why.toString(StandardCharsets.UTF_8));
    }
}
