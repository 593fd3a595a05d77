package org.cajal.experiments.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.api.run.RunStatus;
import org.cajal.testfixtures.RunFolderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of one fixed run, word for word: a CSV dataset with missing cells filled from the training rows,
 * categorical columns, the split in rows, two hidden layers, early stopping that fired. The expected texts are in
 * src/test/resources/report-expected; a change to the wording shows here as a diff to review.
 */
class ReportTextTest {

    private static final String PIPELINE = """
            {
              "schema": 1,
              "name": "penguins",
              "seed": 7,
              "dataset": { "type": "csv", "params": { "file": "data/penguins.csv", "target": "species",
                "categorical": "island,sex", "missing": "impute" } },
              "preprocessing": [ { "type": "standardise" } ],
              "split": { "validation": 0.2, "test": 0.2, "stratify": true },
              "model": { "layers": [
                { "type": "dense", "params": { "units": 16 } },
                { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
                { "type": "output" } ] },
              "training": {
                "loss": "categorical-cross-entropy",
                "optimizer": { "type": "adam", "params": { "learningRate": 0.01 } },
                "epochs": 100, "batchSize": 32,
                "regularisation": { "l2": 0.0001 },
                "earlyStopping": { "patience": 5 }
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void theReportOfAFixedRunReadsAsExpected() throws IOException {
        Map<String, Object> provenance = RunFolderBuilder.provenance("20260102-000000-penguins", "penguins", 7,
                RunStatus.FINISHED, Instant.parse("2026-01-02T00:00:00Z"));
        provenance.put("dataset", "csv file=data/penguins.csv target=species");
        provenance.put("data", ordered("sha256", "0123456789abcdef0123", "examples", 344,
                "split", ordered("train", 206, "validation", 69, "test", 69),
                "imputed", ordered("train", ordered("bill_length_mm", 1, "sex", 7),
                        "validation", ordered("sex", 2), "test", ordered("bill_length_mm", 1, "sex", 2))));
        provenance.put("parameters", 363);
        provenance.put("epochs", 37);
        Map<String, Object> evaluation = ordered("split", "test", "examples", 69, "accuracy", 0.971014492753623,
                "f1", 1.0, "logLoss", 0.0836518, "training", ordered("epochs", 37, "maxEpochs", 100,
                        "stoppedEarly", true, "stoppedAtEpoch", 37, "bestEpoch", 32, "restoredBest", true));
        Path run = RunFolderBuilder.at(dir.resolve("20260102-000000-penguins"))
                .pipeline(PIPELINE)
                .provenance(provenance)
                .metrics(List.of("epoch", "train_loss", "validation_loss"), new double[] {1, 0.9, 0.95},
                        new double[] {2, 0.5, 0.6})
                .evaluation(evaluation)
                .file(RunFiles.SCHEMA, """
                        {"featureNames": ["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm",
                          "body_mass_g", "sex"], "featureShape": [6], "targetKind": "multiclass",
                          "targetNames": ["species"], "classLabels": ["Adelie", "Chinstrap", "Gentoo"],
                          "featureCategories": {"island": ["Biscoe", "Dream", "Torgersen"], "sex": ["female", "male"]}}
                        """.getBytes(StandardCharsets.UTF_8))
                .write();
        Path out = dir.resolve("report");
        ReportWriter.write(run, out);
        // the texts as written, to compare or to copy into the expected folder after a deliberate change
        Path actual = Files.createDirectories(Path.of("target", "report-actual"));
        for (String name : List.of("methods.md", "results.md", "results.tex", "results.csv", "software.md")) {
            Files.copy(out.resolve(name), actual.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        for (String name : List.of("methods.md", "results.md", "results.tex", "results.csv", "software.md")) {
            assertEquals(expected(name), Files.readString(out.resolve(name)), name);
        }
    }

    @Test
    void labelNoiseIsSaidWithTheRowsItChangedAndNothingIsSaidWithout() {
        Map<String, Object> provenance = ordered("data", ordered("split", ordered("train", 3998, "test", 2002)));
        Map<String, Object> noisy = ordered("split", ordered("test", 0.3334, "labelNoise", 0.2));
        assertEquals("To study label noise, 800 of the 3,998 training rows (20.0 %) were given a wrong class drawn "
                + "uniformly from the other classes (rows chosen with the seed after the split); validation and test "
                + "rows kept their true classes.",
                DataText.labelNoise(new MethodsText.Inputs(noisy, provenance, Map.of(), Map.of())));
        assertEquals("", DataText.labelNoise(new MethodsText.Inputs(ordered("split", ordered("test", 0.2)),
                provenance, Map.of(), Map.of())));
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = ReportTextTest.class.getResourceAsStream("/report-expected/" + name)) {
            if (in == null) {
                return "(no expected text " + name + ")";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
