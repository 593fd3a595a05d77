package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SurveyDataTest {

    @Test
    void theTableIsTheSameOnEveryRunWithMissingCellsButNoneInTheTarget() {
        String csv = SurveyData.generate().csv();
        assertEquals(csv, SurveyData.generate().csv());
        List<String> lines = csv.lines().toList();
        assertEquals(SurveyData.ROWS + 1, lines.size());
        assertEquals(String.join(",", SurveyData.COLUMNS), lines.get(0));
        int[] missing = SurveyData.generate().missingPerColumn();
        assertTrue(missing[0] > 0 && missing[1] > 0 && missing[3] > 0 && missing[5] > 0 && missing[6] > 0,
                Arrays.toString(missing));
        assertEquals(0, missing[SurveyData.COLUMNS.size() - 1]);
    }

    @Test
    void theEncodingHasSortedCategoriesMissingCellsAndThreeClasses() {
        SurveyData survey = SurveyData.generate();
        TabularData t = survey.encode();
        assertEquals(SurveyData.ROWS, t.size());
        assertArrayEquals(new int[] {0, 0, 0, 4, 4, 4, 0}, t.categories());
        assertEquals(3, t.classes());
        // a missing cell stays missing until a split fills it from its training rows
        int[] all = IntStream.range(0, t.size()).toArray();
        TabularData.Prepared prepared = t.prepare(new HoldOutSplit(all, new int[0], new int[0]), List.of());
        for (float[] row : prepared.train().features()) {
            for (float v : row) {
                assertFalse(Float.isNaN(v));
            }
        }
        // region (column 4) is never missing: its indices follow the sorted labels east, north, south, west
        List<String[]> cells = survey.csv().lines().skip(1).map(l -> l.split(",", -1)).toList();
        List<String> regions = List.of("east", "north", "south", "west");
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(regions.indexOf(cells.get(i)[4]), (int) t.rows()[i][4]);
            assertEquals(List.of("high", "low", "medium").indexOf(cells.get(i)[7]), (int) t.targets()[i]);
        }
    }

    @Test
    void aMissingNumericCellBecomesTheMeanOfTheTrainingRowsPresentCells() {
        SurveyData survey = SurveyData.generate();
        TabularData t = survey.encode();
        List<String[]> cells = survey.csv().lines().skip(1).map(l -> l.split(",", -1)).toList();
        int firstMissing = -1;
        for (int i = 0; i < cells.size() && firstMissing < 0; i++) {
            firstMissing = SurveyData.MISSING.contains(cells.get(i)[1]) ? i : -1;
        }
        assertTrue(firstMissing >= 0);
        assertTrue(Float.isNaN(t.rows()[firstMissing][1]));
        // the missing row is a test row; the training rows are the even ones (but it): only they give the mean
        int missing = firstMissing;
        int[] train = IntStream.range(0, cells.size()).filter(i -> i % 2 == 0 && i != missing).toArray();
        double sum = 0;
        int n = 0;
        for (int i : train) {
            if (!SurveyData.MISSING.contains(cells.get(i)[1])) {
                sum += Float.parseFloat(cells.get(i)[1]);
                n++;
            }
        }
        TabularData.Prepared prepared = t.prepare(new HoldOutSplit(train, new int[0], new int[] {missing}),
                List.of());
        assertEquals((float) (sum / n), prepared.test().features()[0][1]);
    }
}
