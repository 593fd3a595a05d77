package org.cajal.testfixtures;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.run.MetricsTable;
import org.cajal.api.run.RunStatus;

/**
 * The run folder the fake runner writes for one run, every number a function of one loss {@code l}: metrics.csv
 * has {@code epoch, train_loss, validation_loss, validation_accuracy} with the last epoch's validation loss
 * {@code l} and training loss {@code l − 0.05} (each earlier epoch 0.1 higher); evaluation.json has
 * {@code accuracy = 1 / (1 + l)}, {@code logLoss = l + 0.02}, {@code split}, {@code examples: 40}. A k-fold run
 * has fold {@code i} at loss {@code l + 0.01 i} trained for {@code epochs + i − 1} epochs, the means at the top
 * and each fold's evaluation in {@code folds}.
 */
final class FakeRunFolder {

    /** When every fake run started: fixed, so that two runs of the same pipeline and seed give equal files. */
    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    private FakeRunFolder() {
    }

    static void write(Path folder, PipelineDocument document, long seed, double l, RunStatus status,
                      String backendKind) throws IOException {
        int epochs = document.pipeline().training().epochs();
        Map<String, Object> provenance = RunFolderBuilder.provenance(folder.getFileName().toString(),
                document.pipeline().name(), seed, status, START);
        @SuppressWarnings("unchecked")
        Map<String, Object> backend = (Map<String, Object>) provenance.get("backend");
        backend.put("kind", backendKind);
        provenance.put("baseDirectory", String.valueOf(document.baseDirectory()));
        RunFolderBuilder run = RunFolderBuilder.at(folder).pipeline(document.text()).provenance(provenance)
                .file("model.zip", new byte[] {(byte) seed});
        int k = document.pipeline().split().isKFold() ? document.pipeline().split().folds() : 0;
        if (k == 0) {
            run.metrics(metrics(l, epochs)).evaluation(evaluation(l, "test"));
        } else {
            List<Map<String, Object>> folds = new ArrayList<>();
            double sum = 0;
            for (int i = 1; i <= k; i++) {
                double fl = l + 0.01 * i;
                sum += fl;
                folds.add(evaluation(fl, "fold " + i));
                run.fold(i, metrics(fl, epochs + i - 1), folds.get(i - 1));
            }
            Map<String, Object> mean = evaluation(sum / k, "k-fold");
            mean.put("folds", folds);
            run.metrics(metrics(sum / k, epochs)).evaluation(mean);
        }
        run.write();
    }

    /** metrics.csv of a run at loss {@code l}. */
    static MetricsTable metrics(double l, int epochs) {
        List<double[]> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            double extra = (epochs - e) * 0.1;
            rows.add(new double[] {e, l - 0.05 + extra, l + extra, 1 / (1 + l + extra)});
        }
        return new MetricsTable(List.of("epoch", "train_loss", "validation_loss", "validation_accuracy"), rows);
    }

    /** evaluation.json of a run at loss {@code l}. */
    static Map<String, Object> evaluation(double l, String split) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("accuracy", 1 / (1 + l));
        e.put("logLoss", l + 0.02);
        e.put("split", split);
        e.put("examples", 40);
        return e;
    }
}
