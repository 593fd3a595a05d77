package org.cajal.runtime.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Missing-cell fill values and category vocabularies come from the training rows alone. */
class TrainingColumnsTest {

    private static final float NAN = Float.NaN;
    private static final PreprocessingPlan NO_STEPS = new PreprocessingPlan(List.of(), List.of());

    /** Columns x (numeric) and colour (blue, green, red); green is only in the test rows (8, 9), as is x = 1000. */
    private static final float[][] ROWS = {
        {1, 0}, {2, 2}, {NAN, 2}, {3, 0}, {6, NAN}, {4, 2}, // train: x mean (1+2+3+6+4)/5 = 3.2; red 3 times, blue 2
        {NAN, 0}, {5, 2},                                    // validation
        {1000, 1}, {NAN, 1},                                 // test: a planted leak, value and category
    };
    private static final Split SPLIT = new Split(new int[] {0, 1, 2, 3, 4, 5}, new int[] {6, 7}, new int[] {8, 9});

    @Test
    void testRowsThatWouldShiftTheMeanOrAddACategoryDoNotReachTraining() throws Exception {
        Table all = new Table(List.of("blue", "green", "red"), ROWS);
        List<FittedTransform> fitted = NO_STEPS.fit(all, SPLIT);
        // the same training rows as a dataset of their own: no test row exists, so none can leak
        float[][] trainOnly = {{1, 0}, {2, 1}, {NAN, 1}, {3, 0}, {6, NAN}, {4, 1}};
        Table alone = new Table(List.of("blue", "red"), trainOnly);
        List<FittedTransform> fittedAlone = NO_STEPS.fit(alone, new Split(new int[] {0, 1, 2, 3, 4, 5},
                new int[0], new int[0]));

        float[][] seen = Preprocessing.apply(fitted, all.read(SPLIT.train())).features().toFloatMatrix();
        float[][] seenAlone = Preprocessing.apply(fittedAlone, alone.read(new int[] {0, 1, 2, 3, 4, 5}))
                .features().toFloatMatrix();
        assertArrayEquals(seenAlone, seen, "training rows as the model sees them do not depend on the test rows");
        assertArrayEquals(new float[][] {{1, 0}, {2, 1}, {3.2f, 1}, {3, 0}, {6, 1}, {4, 1}}, seen,
                "x filled with the training mean 3.2, colour with the training rows' most frequent category, red");
        DataSchema schema = Preprocessing.schema(all.schema(), fitted);
        assertEquals(Map.of("colour", List.of("blue", "red")), schema.featureCategories(),
                "green, seen only in test rows, is no category of the model");
        assertEquals(Preprocessing.schema(alone.schema(), fittedAlone), schema);
    }

    @Test
    void validationAndTestRowsGetTheTrainingValues() throws Exception {
        Table all = new Table(List.of("blue", "green", "red"), ROWS);
        List<FittedTransform> fitted = NO_STEPS.fit(all, SPLIT);
        assertArrayEquals(new float[][] {{3.2f, 0}, {5, 1}, {1000, 1}, {3.2f, 1}},
                Preprocessing.apply(fitted, all.read(new int[] {6, 7, 8, 9})).features().toFloatMatrix(),
                "an unseen category (green) becomes the most frequent training category, as a missing one does");
    }

    @Test
    void theRunRecordSaysWhatWasFilledInEachSplitAndFromWhichRows() throws Exception {
        Table all = new Table(List.of("blue", "green", "red"), ROWS);
        List<FittedTransform> fitted = NO_STEPS.fit(all, SPLIT);
        Map<String, Object> record = TrainingColumns.record(fitted).orElseThrow();
        assertEquals(Map.of("imputed", Map.of("x", Map.of("train", 1, "validation", 1, "test", 1),
                        "colour", Map.of("train", 1, "validation", 0, "test", 0)), "dataPreparation", record),
                Preprocessing.provenance(fitted), "provenance.json's keys: missing cells per column and split");
        assertEquals("train", record.get("fittedOn"));
        assertEquals(Map.of("train", 6, "validation", 2, "test", 2), record.get("rows"));
        assertEquals(6, record.get("filled"), "x: 1 + 1 + 1 missing; colour: 1 missing, 2 unseen");
        assertEquals(List.of(
                Map.of("column", "x", "statistic", "mean", "value", 3.2, "fromRows", 5,
                        "missing", Map.of("train", 1, "validation", 1, "test", 1)),
                Map.of("column", "colour", "statistic", "most frequent category", "value", "red", "fromRows", 5,
                        "missing", Map.of("train", 1, "validation", 0, "test", 0),
                        "unseenCategory", Map.of("train", 0, "validation", 0, "test", 2),
                        "unseenCategories", List.of("green"))),
                record.get("columns"));
    }

    @Test
    void aTieGoesToTheFirstCategoryInOrder() throws Exception {
        Table table = new Table(List.of("a", "z"), new float[][] {{0, 1}, {0, 0}, {0, NAN}});
        List<FittedTransform> fitted = NO_STEPS.fit(table, new Split(new int[] {0, 1, 2}, new int[0], new int[0]));
        assertArrayEquals(new float[] {1, 0, 0}, Preprocessing.apply(fitted, table.read(new int[] {0, 1, 2}))
                .features().getColumn(1).toFloatVector());
    }

    @Test
    void aColumnWithNoTrainingValueCannotBeFilledEvenIfOtherRowsHaveOne() {
        Table table = new Table(List.of("a", "b"), new float[][] {{NAN, 0}, {NAN, 1}, {7, 0}});
        DatasetException e = assertThrows(DatasetException.class,
                () -> NO_STEPS.fit(table, new Split(new int[] {0, 1}, new int[] {2}, new int[0])));
        assertEquals("column 'x' has no value in any of the 2 training rows, so there is nothing to fill its "
                + "missing cells from (fill values come from the training rows only); leave the column out or fill "
                + "it", e.getMessage());
    }

    @Test
    void theFittedValuesTravelWithTheModelButTheRecordDoesNot() throws Exception {
        Table all = new Table(List.of("blue", "green", "red"), ROWS);
        List<FittedTransform> fitted = NO_STEPS.fit(all, SPLIT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.ArrayList<>(fitted));
        }
        @SuppressWarnings("unchecked")
        List<FittedTransform> back = (List<FittedTransform>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        Examples test = all.read(SPLIT.test());
        assertArrayEquals(Preprocessing.apply(fitted, test).features().toFloatMatrix(),
                Preprocessing.apply(back, test).features().toFloatMatrix());
        assertTrue(TrainingColumns.record(back).isEmpty());
    }

    @Test
    void imagesAndSequencesGetNoTrainingColumns() throws Exception {
        Table table = new Table(List.of("a", "b"), ROWS);
        Dataset image = new Dataset() {
            @Override
            public DataSchema schema() {
                return new DataSchema(List.of(), List.of(1L, 1L, 2L), table.schema().targetKind(),
                        List.of("y"), List.of());
            }

            @Override
            public int size() {
                return table.size();
            }

            @Override
            public Examples read(int[] indices) {
                Examples e = table.read(indices);
                return new Examples(e.features().reshape(indices.length, 1, 1, 2), e.targets());
            }

            @Override
            public String identity() {
                return "image";
            }
        };
        assertTrue(NO_STEPS.fit(image, SPLIT).isEmpty());
    }

    @Test
    void kFoldRefusesACategoryThatOneHotWouldGiveOnlySomeFolds() throws Exception {
        // green (1) is in row 4 only; with folds {0,1} {2,3} {4,5}, fold 3's training rows lack it
        Table table = new Table(List.of("blue", "green", "red"),
                new float[][] {{1, 0}, {2, 2}, {3, 0}, {4, 2}, {5, 1}, {6, 0}});
        List<Split> folds = List.of(fold(new int[] {2, 3, 4, 5}, 0, 1), fold(new int[] {0, 1, 4, 5}, 2, 3),
                fold(new int[] {0, 1, 2, 3}, 4, 5));
        PreprocessingPlan indicators = new PreprocessingPlan(List.of(new Indicators()),
                java.util.Collections.singletonList((Parameters) null));
        List<FittedTransform> first = indicators.fit(table, folds.get(0));
        DataSchema schema = Preprocessing.schema(table.schema(), first);
        List<org.cajal.api.pipeline.Problem> problems = new java.util.ArrayList<>();
        FoldCategories.check(table, folds, first, schema, indicators, problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("column 'colour': category 'green' is in fold 1's training "
                + "rows but not in fold 3's (its rows all fall in fold 3); fold 1's features then have 5 columns "
                + "and fold 3's 4"), problems.get(0).message());
        problems.clear();
        List<FittedTransform> plain = NO_STEPS.fit(table, folds.get(0));
        FoldCategories.check(table, folds, plain, Preprocessing.schema(table.schema(), plain), NO_STEPS, problems);
        assertTrue(problems.isEmpty(), "without a step that makes columns of categories the widths agree");
        assertInstanceOf(TrainingColumns.class, first.get(0));
        assertFalse(TrainingColumns.record(first).isEmpty());
    }

    private static Split fold(int[] train, int... validation) {
        return new Split(train, validation, new int[0]);
    }

    /** Columns x (numeric) and colour (categorical, the given labels), target y = row number. */
    private record Table(List<String> labels, float[][] rows) implements Dataset {
        @Override
        public DataSchema schema() {
            return DataSchema.regression(List.of("x", "colour"), List.of("y"))
                    .withFeatures(List.of("x", "colour"), List.of(2L), Map.of("colour", labels));
        }

        @Override
        public int size() {
            return rows.length;
        }

        @Override
        public Examples read(int[] indices) {
            float[][] f = new float[indices.length][];
            float[][] t = new float[indices.length][1];
            for (int i = 0; i < indices.length; i++) {
                f[i] = rows[indices[i]];
                t[i][0] = indices[i];
            }
            return new Examples(Nd4j.create(f).castTo(DataType.FLOAT), Nd4j.create(t).castTo(DataType.FLOAT));
        }

        @Override
        public String identity() {
            return "table";
        }
    }

    /** A stand-in for one-hot: appends one column per category of 'colour' (their values do not matter here). */
    private static final class Indicators implements Preprocessor {
        @Override
        public org.cajal.api.ComponentDescriptor descriptor() {
            return new org.cajal.api.ComponentDescriptor("indicators", "Indicators", "Test", "", List.of());
        }

        @Override
        public FittedTransform fit(Iterable<Examples> training, DataSchema schema, Parameters parameters) {
            int extra = schema.featureCategories().get("colour").size();
            return new FittedTransform() {
                @Override
                public DataSchema outputSchema(DataSchema input) {
                    List<String> names = new java.util.ArrayList<>(input.featureNames());
                    for (int k = 0; k < extra; k++) {
                        names.add("colour" + k);
                    }
                    return input.withFeatures(names, List.of((long) names.size()), Map.of());
                }

                @Override
                public Examples apply(Examples examples) {
                    return examples;
                }
            };
        }
    }
}
