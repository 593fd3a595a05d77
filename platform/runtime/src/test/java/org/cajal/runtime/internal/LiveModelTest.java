package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunResult;
import org.cajal.api.train.ModelProbe;
import org.cajal.api.train.ModelWatcher;
import org.cajal.api.train.TrainingEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watching listener sees the layer stack while it trains, on both engines: the last layer's output is the
 * model's prediction, weights have the layers' shapes, the examples are the split's, and the model changes
 * between looks. The time spent looking is printed (not asserted).
 */
class LiveModelTest {

    private final TestRuntime runtime = new TestRuntime();

    /** What one look saw. */
    record Look(int epoch, int batch, double[][][] outputs, double[][][] weights, ModelProbe.Points train,
                ModelProbe.Points validation, String target) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"fused", "dl4j"})
    void aWatcherSeesTheModelChangeAsItTrains(String engine, @TempDir Path dir) throws Exception {
        String json = SummaryTest.BLOBS.replace("\"epochs\": 2", "\"epochs\": 6, \"engine\": \"" + engine + "\"")
                .replace("\"samples\": 40", "\"samples\": 80");
        double[][] grid = {{-1, -1}, {0, 0}, {1, 2}};
        List<Look> looks = new ArrayList<>();
        long[] nanos = {0};
        ModelWatcher watcher = new ModelWatcher() {
            @Override
            public boolean wantsModel(int epoch, int batch, int batchesPerEpoch) {
                return batch == batchesPerEpoch;
            }

            @Override
            public void onModel(ModelProbe probe) {
                long start = System.nanoTime();
                looks.add(new Look(probe.epoch(), probe.batch(), probe.layerOutputs(grid), probe.weights(),
                        probe.points(ModelProbe.Part.TRAIN, 1000), probe.points(ModelProbe.Part.VALIDATION, 1000),
                        probe.schema().targetKind().name()));
                nanos[0] += System.nanoTime() - start;
            }

            @Override
            public void onEvent(TrainingEvent event) {
            }
        };
        long start = System.nanoTime();
        RunResult result = runtime.executor.start(runtime.format.parse(json, "test.json", dir),
                new RunOptions(dir.resolve("runs"), OptionalLong.empty()), watcher).result().get();
        long total = System.nanoTime() - start;
        System.out.printf("live model (%s): %d looks took %.1f ms of a %.1f ms run%n", engine, looks.size(),
                nanos[0] / 1e6, total / 1e6);
        assertEquals(6, looks.size(), "one look per epoch, as asked");
        Look last = looks.get(looks.size() - 1);
        assertEquals(6, last.epoch());
        assertEquals(2, last.outputs().length, "dense and output layer");
        assertEquals(5, last.outputs()[0][0].length);
        assertEquals(3, last.outputs()[1].length);
        double sum = last.outputs()[1][2][0] + last.outputs()[1][2][1];
        assertEquals(1.0, sum, 1e-5, "softmax outputs");
        assertEquals(2, last.weights()[0].length);
        assertEquals(5, last.weights()[0][0].length);
        assertEquals(5, last.weights()[1].length);
        assertEquals(2, last.weights()[1][0].length);
        assertNotNull(last.train());
        assertTrue(last.train().features().length > 30, "the training rows");
        assertEquals(2, last.train().features()[0].length);
        assertEquals(1, last.train().targets()[0].length, "class index");
        assertTrue(last.validation().features().length > 0);
        assertEquals("BINARY", last.target());
        assertTrue(differs(looks.get(0).weights()[0], last.weights()[0]), "the weights moved between looks");
        assertTrue(result.runId().length() > 0);
    }

    private static boolean differs(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (Math.abs(a[i][j] - b[i][j]) > 1e-6) {
                    return true;
                }
            }
        }
        return false;
    }
}
