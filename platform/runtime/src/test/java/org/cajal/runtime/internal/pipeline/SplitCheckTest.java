package org.cajal.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.pipeline.SplitSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Splits that keep every class where they can, and say which they could not. */
class SplitCheckTest {

    /** A classification dataset whose example i has class {@code classes[i]}. */
    private static Dataset data(List<String> labels, int[] classes) {
        return new Dataset() {
            @Override
            public DataSchema schema() {
                return DataSchema.classification(List.of("x"), "y", labels);
            }

            @Override
            public int size() {
                return classes.length;
            }

            @Override
            public Examples read(int[] indices) {
                float[][] f = new float[indices.length][1];
                float[][] t = new float[indices.length][1];
                for (int i = 0; i < indices.length; i++) {
                    f[i][0] = indices[i];
                    t[i][0] = classes[indices[i]];
                }
                return new Examples(Nd4j.create(f), Nd4j.create(t));
            }

            @Override
            public String identity() {
                return "classes";
            }
        };
    }

    /** 94 examples of class a, then {@code rare} examples of each of b, c and d. */
    private static Dataset rare(int rare) {
        int[] classes = IntStream.concat(IntStream.generate(() -> 0).limit(94),
                IntStream.range(0, 3 * rare).map(i -> 1 + i / rare)).toArray();
        return data(List.of("a", "b", "c", "d"), classes);
    }

    private static long ofClass(Dataset d, int[] indices, int c) throws DatasetException {
        float[] t = d.targets(indices).toFloatVector();
        return IntStream.range(0, t.length).filter(i -> (int) t[i] == c).count();
    }

    @Test
    void classesOfThreeAreInEveryPart() throws Exception {
        Dataset d = rare(3);
        Split s = Split.of(d, new SplitSpec(0.2, 0.2, true), 1).get(0);
        for (int c = 1; c <= 3; c++) {
            assertEquals(1, ofClass(d, s.test(), c), "one of class " + c + " in test");
            assertEquals(1, ofClass(d, s.validation(), c), "one of class " + c + " in validation");
            assertEquals(1, ofClass(d, s.train(), c), "one of class " + c + " in train");
        }
        assertEquals(List.of(), s.warnings());
    }

    @Test
    void classesOfTwoReachTheTestSplitAndTheValidationSplitWarns() throws Exception {
        // before: round(2 * 0.2) = 0, so the test split held class a alone and every metric was 1
        Dataset d = rare(2);
        Split s = Split.of(d, new SplitSpec(0.2, 0.2, true), 1).get(0);
        for (int c = 1; c <= 3; c++) {
            assertEquals(1, ofClass(d, s.test(), c), "class " + c + " in test");
        }
        assertEquals(3, s.warnings().size(), s.warnings().toString());
        assertEquals("class 'b' has 2 examples: the validation split has none, so its metrics there are missing "
                + "(too few for the split: add examples of it, merge classes or change $.split)", s.warnings().get(0));
    }

    @Test
    void aClassOfOneExampleIsMissingFromTheTestSplitWithAWarning() throws Exception {
        Split s = Split.of(rare(1), new SplitSpec(0.2, 0.2, true), 1).get(0);
        assertEquals(3, s.warnings().size());
        assertTrue(s.warnings().get(0).startsWith("class 'b' has 1 example: the test split has none and the "
                + "validation split has none"), s.warnings().get(0));
    }

    @Test
    void unstratifiedSplitsSayWhichClassTheTestSplitLacks() throws Exception {
        Split s = Split.of(rare(1), new SplitSpec(0.2, 0.2, false), 1).get(0);
        assertTrue(s.warnings().stream().anyMatch(w -> w.contains("$.split.stratify is false")), s.warnings()
                .toString());
    }

    @Test
    void foldsWarnWhenAClassIsSmallerThanTheirNumber() throws Exception {
        List<Split> folds = Split.of(rare(3), new SplitSpec(0, 0.2, true, 5), 1);
        // a class of 3: one goes to the test split, two stay for the five folds
        assertEquals(5, folds.size());
        assertTrue(folds.get(0).warnings().get(0).startsWith("class 'b' has 3 examples: 3 of the 5 folds validate "
                + "without it"), folds.get(0).warnings().get(0));
        assertTrue(folds.get(0).warnings().get(0).endsWith("change $.split.folds)"));
        assertEquals(folds.get(0).warnings(), folds.get(4).warnings(), "every fold carries the run's warnings");
    }

    @Test
    void aFloatTargetReadAsClassesIsRefused() {
        List<String> labels = new ArrayList<>();
        int[] classes = new int[100];
        for (int i = 0; i < 100; i++) {
            labels.add(String.valueOf(i + 0.25));
            classes[i] = i;
        }
        DatasetException e = assertThrows(DatasetException.class,
                () -> Split.of(data(labels, classes), SplitSpec.DEFAULT, 1));
        assertTrue(e.getMessage().contains("100 distinct non-integer values among 100 rows"), e.getMessage());
        assertTrue(e.getMessage().contains("\"task\": \"regression\"") && e.getMessage().contains(
                "$.dataset.params.task") && e.getMessage().contains("$.dataset.params.target"), e.getMessage());
    }

    @Test
    void manyIntegerOrNamedClassesAreNotCalledContinuous() throws Exception {
        SplitCheck.continuous(IntStream.range(0, 60).mapToObj(String::valueOf).toList(), 100);
        SplitCheck.continuous(List.of("1.5", "2.5", "cat"), 4);
        assertThrows(DatasetException.class, () -> SplitCheck.continuous(List.of("1.5", "2.5", "3.5"), 4));
    }
}
