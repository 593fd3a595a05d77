package org.cajal.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.cajal.api.data.DataSchema;
import org.cajal.api.train.ModelProbe;
import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.LiveSnapshot;
import org.cajal.workbench.core.RunEvents;
import org.junit.jupiter.api.Test;

/** How often the live view looks at a model, what a look holds, and what the plane paints. */
class LiveWatcherTest {

    private final AtomicLong clock = new AtomicLong();
    private final RunEvents events = new RunEvents();
    private final AtomicReference<LiveSnapshot> seen = new AtomicReference<>();

    /** A two-input model that predicts class 1 right of x = 0 (the probe takes {@code cost} ns of the clock). */
    private ModelProbe probe(long cost) {
        return new ModelProbe() {
            public String runId() { return "r"; }
            public int epoch() { return 1; }
            public int batch() { return 2; }
            public DataSchema schema() { return DataSchema.classification(List.of("a", "b"), "y", List.of("no", "yes")); }
            public int inputWidth() { return 2; }
            public double[][][] layerOutputs(double[][] inputs) {
                clock.addAndGet(cost);
                double[][] hidden = new double[inputs.length][];
                double[][] out = new double[inputs.length][];
                for (int i = 0; i < inputs.length; i++) {
                    hidden[i] = new double[] {Math.tanh(inputs[i][0]), Math.tanh(inputs[i][1])};
                    double p = 1 / (1 + Math.exp(-10 * inputs[i][0]));
                    out[i] = new double[] {1 - p, p};
                }
                return new double[][][] {hidden, out};
            }
            public double[][][] weights() { return new double[][][] {{{1, 0}, {0, 1}}, {{1, -1}, {-1, 1}}}; }
            public Points points(Part part, int limit) {
                return part == Part.TRAIN ? new Points(new double[][] {{-1, -1}, {1, 1}}, new double[][] {{0}, {1}})
                        : new Points(new double[][] {{-1, 1}}, new double[][] {{0}});
            }
        };
    }

    private LiveWatcher started() {
        LiveWatcher w = new LiveWatcher(events, clock::get, true, 0, 1);
        w.onEvent(new TrainingEvent.Started("r", null, 10, 10, 100, 10));
        return w;
    }

    @Test
    void looksStayWithinTheirShareOfTheTrainingTime() {
        LiveWatcher w = started();
        assertFalse(w.wantsModel(1, 1, 10), "not before the first interval");
        clock.addAndGet(LiveWatcher.MIN_INTERVAL_NANOS);
        assertTrue(w.wantsModel(1, 2, 10));
        long cost = 20_000_000L;
        w.onModel(probe(cost));
        // the next look must wait until 20 + 20 ms is within 5 % of the time since the start: 800 ms
        clock.addAndGet(LiveWatcher.MIN_INTERVAL_NANOS);
        assertFalse(w.wantsModel(1, 3, 10));
        clock.set(800_000_000L);
        assertTrue(w.wantsModel(2, 1, 10));
        assertTrue(w.wantsModel(10, 10, 10), "the run's last mini-batch is always looked at");
        LiveWatcher off = new LiveWatcher(events, clock::get, false, 0, 1);
        off.onEvent(new TrainingEvent.Started("r", null, 10, 10, 100, 10));
        assertFalse(off.wantsModel(10, 10, 10), "Live unticked: no looks");
    }

    @Test
    void aLookHoldsTheGridEveryLayerAndTheExamplesAndPaintsTheClasses() throws Exception {
        events.addSnapshotListener(seen::set);
        LiveWatcher w = started();
        clock.addAndGet(100_000_000L);
        w.onModel(probe(1_000_000L));
        javax.swing.SwingUtilities.invokeAndWait(() -> { });
        LiveSnapshot s = seen.get();
        assertEquals(LiveWatcher.RESOLUTION * LiveWatcher.RESOLUTION, s.outputs().length);
        assertEquals(2, s.layers().length);
        assertEquals(List.of("a", "b"), s.inputNames());
        assertEquals(2, s.train().length);
        assertEquals(1, s.validation().length);
        assertEquals(-1.2, s.xRange()[0], 1e-9, "10 % beyond the training examples");
        assertEquals(1 / 101.0, s.overhead(), 1e-9, "1 ms of the 101 ms since the start");
        BufferedImage plane = LivePainter.plane(s, Color.WHITE);
        Color left = new Color(plane.getRGB(2, plane.getHeight() / 2));
        Color right = new Color(plane.getRGB(plane.getWidth() - 3, plane.getHeight() / 2));
        assertTrue(left.getBlue() > left.getRed(), "class 0 (blue) on the left: " + left);
        assertTrue(right.getRed() > right.getBlue(), "class 1 (orange) on the right: " + right);
        assertTrue(LiveView.caption(s).contains("1 looks, 1.0 % of the training time"), LiveView.caption(s));
    }
}
