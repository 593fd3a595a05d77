package org.cajal.experiments.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cajal.testfixtures.FakeRunner;
import org.cajal.testfixtures.TestPipelines;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentFolder;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.PipelineSource;
import org.cajal.experiments.Searches;
import org.cajal.experiments.Trial;
import org.cajal.experiments.internal.exec.CommandSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchServiceTest {

    @TempDir
    Path tmp;

    private final FakeRunner runner = new FakeRunner();
    private final SearchService service = new SearchService(runner, runner, runner);

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** xor-like pipeline with a 3 × 3 grid over learning rate and units; the fake's best: 0.01 and 8. */
    static final String SEARCH = "  \"search\": {\"method\": \"grid\", \"objective\": \"validation_loss\", "
            + "\"parameters\": {\"training.optimizer.params.learningRate\": {\"logUniform\": [0.001, 0.1], "
            + "\"count\": 3}, \"model.layers[0].params.units\": {\"choices\": [4, 8, 16]}}},\n";

    private Path file(String search) throws Exception {
        String text = TestPipelines.dense("grid", 0.05, 2).replaceFirst("\\{\n", "{\n" + search);
        Path f = tmp.resolve("grid.json");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aSmallGridFindsTheKnownBestAndWritesResultsAndTheBestPipeline() throws Exception {
        Experiment e = service.search(PipelineSource.of(file(SEARCH)), new Searches.SearchOptions(tmp.resolve("runs"),
                null, null, 2), ExperimentListener.NONE);
        List<Trial> trials = e.done().get(30, TimeUnit.SECONDS);
        assertEquals(9, trials.size());
        assertTrue(e.folder().getFileName().toString().startsWith("search-grid-"));
        for (String text : runner.startedTexts()) {
            assertFalse(org.cajal.runfolder.Json.PRETTY.readTree(text).has("search"), "a trial is a plain pipeline");
        }
        List<String> csv = Files.readAllLines(e.folder().resolve(ExperimentFolder.RESULTS));
        assertEquals("trial,training.optimizer.params.learningRate,model.layers[0].params.units,seed,status,"
                + "objective,accuracy,logLoss", csv.get(0));
        assertEquals(10, csv.size());
        String[] best = csv.get(1).split(",");
        assertEquals("0.01", best[1].substring(0, 4));
        assertEquals("8", best[2]);
        double previous = Double.NEGATIVE_INFINITY;
        for (String line : csv.subList(1, csv.size())) {
            double objective = Double.parseDouble(line.split(",")[5]);
            assertTrue(objective >= previous, "sorted best (lowest) first");
            previous = objective;
        }
        JsonNode bestPipeline = org.cajal.runfolder.Json.readTree(e.folder().resolve(ExperimentFolder.BEST_PIPELINE));
        assertFalse(bestPipeline.has("search"));
        assertEquals(8, bestPipeline.at("/model/layers/0/params/units").asInt());
        assertEquals(0.01, bestPipeline.at("/training/optimizer/params/learningRate").asDouble(), 1e-12);
        assertTrue(runner.maxRunning.get() <= 2, "parallel 2: " + runner.maxRunning.get());
    }

    @Test
    void startingTheSameSearchAgainResumesWithoutRunningAnything() throws Exception {
        Path f = file(SEARCH);
        Searches.SearchOptions options = new Searches.SearchOptions(tmp.resolve("runs"), null, null, null);
        Experiment first = service.search(PipelineSource.of(f), options, ExperimentListener.NONE);
        first.done().get(30, TimeUnit.SECONDS);
        int runs = runner.started.get();
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        Experiment again = service.search(PipelineSource.of(f), options, new ExperimentListener() {
            @Override
            public void message(String text) {
                messages.add(text);
            }
        });
        assertEquals(first.folder(), again.folder());
        assertEquals(9, again.done().get(30, TimeUnit.SECONDS).size());
        assertEquals(runs, runner.started.get());
        assertTrue(messages.contains("resuming: 9 trials already finished, 0 to run"), messages.toString());
    }

    @Test
    void theBudgetCutsTheGridAndSaysSo() throws Exception {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        Experiment e = service.search(PipelineSource.of(file(SEARCH)), new Searches.SearchOptions(tmp, null, 4, null),
                new ExperimentListener() {
                    @Override
                    public void message(String text) {
                        messages.add(text);
                    }
                });
        assertEquals(4, e.done().get(30, TimeUnit.SECONDS).size());
        assertTrue(messages.stream().anyMatch(m -> m.contains("the grid has 9 combinations; running the first 4")),
                messages.toString());
    }

    @Test
    void randomSearchDrawsTheSameTrialsFromTheSameSeed() throws Exception {
        String random = "  \"search\": {\"method\": \"random\", \"trials\": 5, \"seed\": 3, \"parameters\": "
                + "{\"training.optimizer.params.learningRate\": {\"logUniform\": [0.0001, 0.1]}}},\n";
        List<Trial> a = service.search(PipelineSource.of(file(random)), new Searches.SearchOptions(tmp.resolve("a"),
                null, null, null), null).done().get(30, TimeUnit.SECONDS);
        List<Trial> b = service.search(PipelineSource.of(file(random)), new Searches.SearchOptions(tmp.resolve("b"),
                null, null, null), null).done().get(30, TimeUnit.SECONDS);
        assertEquals(a.stream().map(Trial::params).toList(), b.stream().map(Trial::params).toList());
        assertEquals(5, a.stream().map(Trial::params).distinct().count());
    }

    @Test
    void badPathsAndInvalidTrialsFailBeforeAnythingRuns() throws Exception {
        PipelineException bad = assertThrows(PipelineException.class, () -> service.search(PipelineSource.of(file(
                "  \"search\": {\"parameters\": {\"model.layers[3].params.units\": {\"choices\": [1]}}},\n")),
                new Searches.SearchOptions(tmp, null, null, null), null));
        assertEquals("$.search.parameters['model.layers[3].params.units']", bad.problems().get(0).location());
        assertTrue(bad.getMessage().contains("model.layers has 2 elements"), bad.getMessage());

        runner.problems = n -> n.at("/model/layers/0/params/units").asInt() > 10
                ? List.of(new Problem("$.model.layers[0].params.units", "at most 10")) : List.of();
        PipelineException invalid = assertThrows(PipelineException.class, () -> service.search(
                PipelineSource.of(file(SEARCH)), new Searches.SearchOptions(tmp, null, null, null), null));
        assertEquals(0, runner.started.get());
        String m = invalid.getMessage();
        assertTrue(m.contains("trial 3 (training.optimizer.params.learningRate=0.001, model.layers[0].params.units=16)"
                + "; trial 6"), m);
        assertTrue(m.contains("$.model.layers[0].params.units: at most 10"), m);
        assertEquals(invalid.problems().stream().map(Problem::toString).toList(),
                service.validate(PipelineSource.of(file(SEARCH)), new Searches.SearchOptions(tmp, null, null, null)));
    }

    @Test
    void aDepthSweepRepeatsTheFirstHiddenLayerAndWritesTheTableAndChart() throws Exception {
        runner.loss = n -> {
            int hidden = n.at("/model/layers").size() - 1;
            return 0.1 + Math.abs(hidden - 2) * 0.1;
        };
        Path f = tmp.resolve("p.json");
        Files.writeString(f, TestPipelines.dense("deep", 0.01, 8));
        Experiment e = service.sweep(PipelineSource.of(f), new Searches.SweepOptions(tmp.resolve("runs"), "depth",
                List.of(1L, 2L, 3L), 2, 2), null);
        List<Trial> trials = e.done().get(30, TimeUnit.SECONDS);
        assertEquals(6, trials.size());
        assertTrue(e.folder().getFileName().toString().startsWith("sweep-deep-"));
        assertEquals(List.of(42L, 43L, 42L, 43L, 42L, 43L), trials.stream().map(Trial::seed).toList());
        List<String> csv = Files.readAllLines(e.folder().resolve(ExperimentFolder.SWEEP));
        assertEquals("value,train_error,validation_error,test_error,accuracy,logLoss", csv.get(0));
        assertEquals(4, csv.size());
        // loss measure: train_loss = l − 0.05, validation_loss = l, test = evaluation logLoss = l + 0.02
        double l = 0.2; // depth 1: 0.1 + |1 − 2| · 0.1
        String[] row = csv.get(1).split(",");
        assertEquals("1", row[0]);
        assertEquals(l - 0.05, Double.parseDouble(row[1]), 1e-9);
        assertEquals(l, Double.parseDouble(row[2]), 1e-9);
        assertEquals(l + 0.02, Double.parseDouble(row[3]), 1e-9);
        assertTrue(Files.size(e.folder().resolve("sweep.png")) > 1000);
        assertTrue(Files.readString(e.folder().resolve("sweep.svg")).contains("<svg"));
        boolean sawThree = false;
        for (String text : runner.startedTexts()) {
            int layers = org.cajal.runfolder.Json.PRETTY.readTree(text).at("/model/layers").size();
            sawThree |= layers == 4;
            assertEquals("output", org.cajal.runfolder.Json.PRETTY.readTree(text).at("/model/layers/" + (layers - 1) + "/type")
                    .asText());
        }
        assertTrue(sawThree, "depth 3: three hidden layers and the output layer");
    }

    @Test
    void sweepOfAPathSetsTheValue() throws Exception {
        Path f = tmp.resolve("p.json");
        Files.writeString(f, TestPipelines.dense("wide", 0.01, 8));
        List<Trial> trials = service.sweep(PipelineSource.of(f), new Searches.SweepOptions(tmp,
                "model.layers[0].params.units", List.of(4L, 8L), 1, 1), null).done().get(30, TimeUnit.SECONDS);
        assertEquals(2, trials.size());
        assertEquals(2, runner.startedTexts().stream().map(t -> {
            try {
                return org.cajal.runfolder.Json.PRETTY.readTree(t).at("/model/layers/0/params/units").asInt();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }).distinct().count());
        PipelineException e = assertThrows(PipelineException.class, () -> service.sweep(PipelineSource.of(f),
                new Searches.SweepOptions(tmp, "depth", List.of(0L), 1, 1), null));
        assertTrue(e.getMessage().contains("--values: depth 0"), e.getMessage());
    }

    @Test
    void searchCommandPrintsTrialsTheTableAndTheBestPipeline() throws Exception {
        Path f = file(SEARCH);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SearchCommand command = new SearchCommand(service, new CommandSupport(tmp.resolve("runs"), null));
        int status = command.execute(List.of(f.toString(), "--trials", "9"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("trial 5/9  training.optimizer.params.learningRate=0.01, "
                + "model.layers[0].params.units=8  seed 42  finished  objective 0.12"), text);
        assertTrue(text.contains("best pipeline: "), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("\\s+1\\s+5\\s+0\\.01\\S*\\s+8\\s+finished.*")), text);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, command.execute(List.of(f.toString(), "--trials", "9"), new PrintStream(again, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("resuming: 9 trials already finished"));

        assertEquals(2, command.execute(List.of(), new PrintStream(out), new PrintStream(err)));
        assertEquals(2, command.execute(List.of(f.toString(), "--trials", "x"), new PrintStream(out),
                new PrintStream(err)));
        ByteArrayOutputStream badErr = new ByteArrayOutputStream();
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, TestPipelines.dense("bad", 0.01, 8));
        assertEquals(1, command.execute(List.of(bad.toString()), new PrintStream(out),
                new PrintStream(badErr, true, StandardCharsets.UTF_8)));
        assertTrue(badErr.toString(StandardCharsets.UTF_8).contains("$.search: the pipeline has no search section"));
    }
}
