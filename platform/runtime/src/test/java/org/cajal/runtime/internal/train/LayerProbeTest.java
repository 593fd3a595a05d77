package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Dead-unit counting and update ratios on hand-made arrays, and the notes they give. */
class LayerProbeTest {

    @Test
    void measuredEpochsAreOneTwoFiveTimesPowersOfTen() {
        assertEquals(List.of(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000),
                IntStream.rangeClosed(1, 1000).filter(LayerProbe::measured).boxed().toList());
    }

    @Test
    void aDenseUnitIsDeadWhenZeroForEveryExample() {
        // 3 examples x 4 units: unit 0 always 0, unit 1 once positive, unit 2 always 0, unit 3 always positive
        var a = Nd4j.createFromArray(new float[][] {{0, 0, 0, 1}, {0, 2, 0, 3}, {0, 0, 0, 0.5f}});
        assertEquals(0.5, LayerProbe.deadShare(a), 1e-12);
        assertEquals(0.0, LayerProbe.deadShare(Nd4j.ones(5, 3)), 1e-12);
        assertEquals(1.0, LayerProbe.deadShare(Nd4j.zeros(5, 3)), 1e-12);
    }

    @Test
    void aConvolutionalChannelIsDeadWhenZeroAtEveryPositionOfEveryExample() {
        // 2 examples x 3 channels x 2 x 2: channel 1 has one positive value (example 1, position 1,0)
        var a = Nd4j.zeros(2, 3, 2, 2);
        a.putScalar(new long[] {1, 1, 1, 0}, 0.25);
        a.putScalar(new long[] {0, 2, 0, 1}, 4);
        assertEquals(1.0 / 3, LayerProbe.deadShare(a), 1e-12);
        var sequence = Nd4j.zeros(2, 4, 5); // [n, channels, time]
        sequence.putScalar(new long[] {0, 3, 4}, 1);
        assertEquals(0.75, LayerProbe.deadShare(sequence), 1e-12);
    }

    @Test
    void updateRatioIsTheNormOfTheChangeOverTheNormOfTheWeights() {
        var before = Nd4j.createFromArray(new double[][] {{3, 0}, {0, 4}}); // norm 5
        var after = Nd4j.createFromArray(new double[][] {{3, 0.3}, {0, 4.4}}); // change (0.3, 0.4): norm 0.5
        assertEquals(0.1, LayerProbe.updateRatio(before, after), 1e-12);
        assertEquals(0.0, LayerProbe.updateRatio(before, before.dup()), 0);
        assertTrue(Double.isNaN(LayerProbe.updateRatio(Nd4j.zeros(2, 2), Nd4j.ones(2, 2))));
    }

    @Test
    void saturationIsTheShareOfValuesAtTheEndsOfTheRange() {
        var tanh = Nd4j.createFromArray(new float[][] {{-0.999f, 0.2f}, {0.995f, 0.99f}}); // 3 of 4 at |a| >= 0.99
        assertEquals(0.75, LayerProbe.saturatedShare(tanh, -0.99, 0.99), 1e-12);
        var sigmoid = Nd4j.createFromArray(new float[][] {{0.005f, 0.5f, 0.6f, 0.999f}});
        assertEquals(0.5, LayerProbe.saturatedShare(sigmoid, 0.01, 0.99), 1e-12);
    }

    /** Training that is still learning and whose loss went up once lately. */
    private static final LayerProbe.Context BUMPY = new LayerProbe.Context(false, true, true, 0.1);

    private static final Map<Integer, String> LABELS = Map.of(0, "dense, relu", 1, "dense, tanh", 2, "output");

    @Test
    void notesForDeadLayersAndLargeUpdatesAreSaidOncePerLayer() {
        Set<String> said = new HashSet<>();
        List<LayerProbe.Row> rows = List.of(new LayerProbe.Row(5, 0, 0.625, 0.01),
                new LayerProbe.Row(5, 1, Double.NaN, 2e-6), new LayerProbe.Row(5, 2, Double.NaN, 0.5));
        List<Note> notes = LayerProbe.notes(rows, LABELS, said, BUMPY);
        // layer 1's tiny updates come from the dead layer before it: the dead-relu note says what to do
        assertEquals(List.of("dead-relu", "update-ratio"), notes.stream().map(Note::kind).toList());
        assertEquals("63% of the units in layer 0 (dense, relu) output zero for every example: they no longer "
                + "learn. Try a lower learning rate, He initialisation or leaky ReLU.", notes.get(0).message());
        assertEquals(Map.of("0", 0.625), notes.get(0).values().get("shares"));
        assertEquals("In layer 2 (output) the last update changed the weights by 0.5 of their size (healthy: "
                + "0.00001 to 0.1): updates are large relative to the weights: lower the learning rate.",
                notes.get(1).message());
        assertEquals(Map.of("0", 0.01, "1", 2e-6, "2", 0.5), notes.get(1).values().get("ratios"));
        assertEquals(List.of(), LayerProbe.notes(rows, LABELS, said, BUMPY), "each layer's note is said once");
        assertEquals(List.of(), LayerProbe.notes(List.of(new LayerProbe.Row(2, 0, 0.39, 1e-5)), LABELS,
                new HashSet<>(), BUMPY), "the bounds themselves are healthy");
        assertEquals(List.of(), LayerProbe.notes(List.of(new LayerProbe.Row(5, 2, Double.NaN, 0.5)), LABELS,
                new HashSet<>(), new LayerProbe.Context(false, false, true, 0.1)),
                "large updates while the loss falls steadily are fast learning: not said");
    }

    @Test
    void tinyUpdatesAdviseARaiseOnlyWhenNoUnitsAreSaturatedOrDead() {
        List<LayerProbe.Row> healthy = List.of(new LayerProbe.Row(10, 1, Double.NaN, 3e-6, 0.1),
                new LayerProbe.Row(10, 2, Double.NaN, 0.01));
        LayerProbe.Context slow = new LayerProbe.Context(false, false, true, 1e-6);
        Note raise = LayerProbe.notes(healthy, LABELS, new HashSet<>(), slow).get(0);
        assertTrue(raise.message().startsWith("In layer 1 (dense, tanh) the last update changed the weights by "
                + "0.000003 of their size"), raise.message());
        assertTrue(raise.message().endsWith("updates are tiny relative to the weights: learning has stalled; raise "
                + "the learning rate."), raise.message());

        List<LayerProbe.Row> saturated = List.of(new LayerProbe.Row(10, 1, Double.NaN, 3e-6, 0.8));
        Note lower = LayerProbe.notes(saturated, LABELS, new HashSet<>(), new LayerProbe.Context(false, false,
                true, 10)).get(0);
        assertTrue(lower.message().contains("learning has stalled, because 80% of the outputs of layer 1 (dense, "
                + "tanh) are saturated") && lower.message().contains("Lower the learning rate (10)"), lower.message());
        assertEquals(1, lower.values().get("saturatedLayer"));

        assertEquals(List.of(), LayerProbe.notes(healthy, LABELS, new HashSet<>(),
                new LayerProbe.Context(true, false, true, 0.1)),
                "tiny updates while training goes too fast are saturation: not said");
        assertEquals(List.of(), LayerProbe.notes(healthy, LABELS, new HashSet<>(),
                new LayerProbe.Context(false, false, false, 0.1)),
                "tiny updates once the loss has more than halved are convergence: not said");
    }
}
