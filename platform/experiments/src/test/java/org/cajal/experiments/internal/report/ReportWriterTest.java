package org.cajal.experiments.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cajal.experiments.internal.store.TestFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void runReportStatesTheMethodsAndTheResults() throws IOException {
        Path run = TestFolders.run(dir, "20260101-000000-xor", "xor", 42, "finished",
                Instant.parse("2026-01-01T00:00:00Z"), Map.of("accuracy", 0.925, "f1", 0.9));
        Path out = dir.resolve("report");
        List<Path> files = ReportWriter.write(run, out);
        for (String name : List.of("methods.md", "results.md", "results.tex", "results.csv", "loss-curves.svg",
                "loss-curves.png")) {
            assertTrue(files.contains(out.resolve(name)), name + " in " + files);
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        String methods = Files.readString(out.resolve("methods.md"));
        for (String fact : List.of("xor dataset (samples 200, noise 0.1)", "training (60%), validation (20%) and test (20%)",
                "stratified by class", "42 trainable parameters", "a dense layer of 8 units with tanh activation",
                "and an output layer with softmax activation", "Adam (Kingma & Ba, 2015; learning rate 0.05)", "categorical cross-entropy", "Adam", "learning rate 0.05",
                "for at most 3 epochs in mini-batches of 16 examples", "L2 weight penalty (weight decay) of 0.001",
                "had not improved for 5 epochs", "The random seed was 42; it determined the generated data",
                "Cajal 0.1.0.SNAPSHOT", "software.md lists its 2 bundles", "Java 17.0.15", "cpu backend", "on Test CPU, 2 cores, under Linux 6.1 (amd64)")) {
            assertTrue(methods.contains(fact), "'" + fact + "' in\n" + methods);
        }
        assertTrue(Files.readString(out.resolve("software.md")).contains("| org.cajal.runtime | 0.1.0.SNAPSHOT | active |"));
        String csv = Files.readString(out.resolve("results.csv"));
        assertEquals("metric,value", csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("accuracy,0.925"), csv);
        assertTrue(Files.readString(out.resolve("results.md")).contains("| accuracy (%) | 92.5 |"));
        assertTrue(Files.readString(out.resolve("loss-curves.svg")).contains("<svg"));
    }

    @Test
    void kFoldRunsAreReportedAsMeanAndSd() throws IOException {
        Path run = TestFolders.sample(TestFolders.KFOLD, dir);
        Path out = dir.resolve("k");
        ReportWriter.write(run, out);
        String md = Files.readString(out.resolve("results.md"));
        assertTrue(md.contains("mean ± sd over 3 folds"), md);
        assertTrue(md.contains("| logLoss | 0.00137 ± 0.000200 |"), md);
        assertTrue(Files.readString(out.resolve("results.csv")).contains("logLoss,0.0013714717974855491,1.9952143778114592E-4"));
        String methods = Files.readString(out.resolve("methods.md"));
        assertTrue(methods.contains("A test set of 20% of the examples was set aside, stratified by class; the remaining "
                + "examples were used for 3-fold cross-validation"), methods);
        assertTrue(methods.contains("on the cpu backend of ND4J (linux-x86_64-onednn-avx512)"), methods);
        assertTrue(Files.readString(out.resolve("results.tex")).contains("mean $\\pm$ sd"));
    }

    @Test
    void repeatsReportMeansIntervalsAndSeeds() throws IOException {
        Path experiment = TestFolders.experiment(dir, "repeats", 3, Instant.parse("2026-12-01T00:00:00Z"));
        Path out = dir.resolve("r");
        List<Path> files = ReportWriter.write(experiment, out);
        assertTrue(files.contains(out.resolve("curves.png")) && files.contains(out.resolve("curves.svg")));
        String methods = Files.readString(out.resolve("methods.md"));
        assertTrue(methods.contains("run n = 3 times with seeds 1, 2 and 3"), methods);
        assertTrue(methods.contains("mean ± sd over the runs, with the 95% confidence interval of the mean"), methods);
        String tex = Files.readString(out.resolve("results.tex"));
        assertTrue(tex.contains("mean $\\pm$ sd & 95\\% CI"), tex);
        assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule") && tex.contains("\\bottomrule"), tex);
        assertTrue(tex.contains("accuracy (\\%) & 3 & 90.0 $\\pm$ 5.0 & [77.6, 100.0]"), tex);
        assertEquals("metric,n,mean,sd,95% CI low,95% CI high,interval method", Files.readString(out.resolve("results.csv")).lines()
                .findFirst().orElseThrow());
    }

    @Test
    void searchReportDescribesTheSpaceAndSortsTrialsBestFirst() throws IOException {
        Path experiment = TestFolders.experiment(dir, "search", 3, Instant.parse("2026-12-01T00:00:00Z"));
        Path out = dir.resolve("s");
        List<Path> files = ReportWriter.write(experiment, out);
        assertTrue(files.contains(out.resolve("objective.svg")));
        String methods = Files.readString(out.resolve("methods.md"));
        assertTrue(methods.contains("random search (Bergstra & Bengio, 2012) over training.optimizer.params.learningRate "
                + "(log-uniform on [0.001, 0.1]) with 3 trials"), methods);
        assertTrue(methods.contains("lowest validation_loss on the validation data"), methods);
        assertTrue(methods.contains("seeds 1, 2 and 3"), methods);
        List<String> csv = Files.readString(out.resolve("results.csv")).lines().toList();
        assertTrue(csv.get(1).startsWith("3,") && csv.get(3).startsWith("2,"), csv.toString());
        String tex = Files.readString(out.resolve("results.tex"));
        assertTrue(tex.contains("validation\\_loss"), tex);
        assertFalse(tex.contains(" validation_loss"), tex);
        // without results.csv the table is built from trials.jsonl, best first
        Files.delete(experiment.resolve("results.csv"));
        ReportWriter.write(experiment, out);
        assertTrue(Files.readString(out.resolve("results.csv")).lines().skip(1).findFirst().orElseThrow().startsWith("3,"));
    }

    @Test
    void sweepReportHasTheSweepTableAndChart() throws IOException {
        Path experiment = TestFolders.experiment(dir, "sweep", 3, Instant.parse("2026-12-01T00:00:00Z"));
        Path out = dir.resolve("w");
        List<Path> files = ReportWriter.write(experiment, out);
        assertTrue(files.contains(out.resolve("sweep.png")));
        assertTrue(Files.readString(out.resolve("methods.md")).contains(
                "capacity sweep varied model.layers[0].params.units over the values 2, 4 and 8, with 1 seed per value"));
        String tex = Files.readString(out.resolve("results.tex"));
        assertTrue(tex.contains("value & train\\_error & validation\\_error & test\\_error & accuracy (\\%) \\\\"), tex);
        assertTrue(tex.contains("model.layers[0].params.units"), tex);
    }

    @Test
    void escapesLatexSpecialCharacters() {
        assertEquals("a\\_b 5\\% \\& \\$x\\$ \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}",
                ResultTable.escape("a_b 5% & $x$ #1 {y} ~ ^ \\"));
    }

    @Test
    void refusesAFolderThatIsNotARun() throws IOException {
        Files.createDirectories(dir.resolve("plain"));
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(dir.resolve("plain"), dir.resolve("o")));
        assertTrue(e.getMessage().contains("neither a run folder"));
    }
}
