package org.cajal.runtime.internal;

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
    void notesForDeadLayersAndOutOfRangeRatiosAreSaidOncePerLayer() {
        Set<String> said = new HashSet<>();
        Map<Integer, String> labels = Map.of(0, "dense, relu", 1, "dense, relu", 2, "output");
        List<LayerProbe.Row> rows = List.of(new LayerProbe.Row(5, 0, 0.625, 0.01),
                new LayerProbe.Row(5, 1, 0.3, 2e-6), new LayerProbe.Row(5, 2, Double.NaN, 0.5));
        List<Note> notes = LayerProbe.notes(rows, labels, said, false);
        assertEquals(List.of("dead-relu", "update-ratio", "update-ratio"), notes.stream().map(Note::kind).toList());
        assertEquals("63% of the units in layer 0 (dense, relu) output zero for every example: they no longer "
                + "learn. Try a lower learning rate, He initialisation or leaky ReLU.", notes.get(0).message());
        assertEquals(Map.of("0", 0.625, "1", 0.3), notes.get(0).values().get("shares"));
        assertTrue(notes.get(1).message().contains("layer 1 (dense, relu)")
                && notes.get(1).message().contains("tiny relative to the weights: learning has stalled; raise the "
                        + "learning rate"), notes.get(1).message());
        assertTrue(notes.get(2).message().contains("layer 2 (output)")
                && notes.get(2).message().contains("large relative to the weights: lower the learning rate"),
                notes.get(2).message());
        assertEquals(Map.of("0", 0.01, "1", 2e-6, "2", 0.5), notes.get(2).values().get("ratios"));
        assertEquals(List.of(), LayerProbe.notes(rows, labels, said, false), "each layer's note is said once");
        assertEquals(List.of(), LayerProbe.notes(List.of(new LayerProbe.Row(2, 0, 0.39, 1e-5)), labels,
                new HashSet<>(), false), "the bounds themselves are healthy");
        assertEquals(List.of(), LayerProbe.notes(List.of(new LayerProbe.Row(2, 2, Double.NaN, 0.5)), labels,
                new HashSet<>(), false), "large updates in the first epochs are normal: not said before epoch 5");
        assertEquals(List.of(), LayerProbe.notes(List.of(new LayerProbe.Row(2, 1, 0.0, 1e-9)), labels,
                new HashSet<>(), true), "tiny updates while training goes too fast are saturation: not said");
    }
}
