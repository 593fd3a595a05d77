package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped double-descent example, swept over three of its widths (the docs chart sweeps eleven): a narrow
 * network that cannot fit the noisy labels, one at the interpolation threshold that fits them almost exactly and
 * tests worse, and a wide one that fits them exactly and tests better again — the shape of the curve, on the same
 * 4,000 training and 2,000 test images and 200 epochs as the example (each width's run is the example's own run).
 */
@ExtendWith(CajalRuntime.class)
class DoubleDescentTest {

    @Test
    void testErrorFallsRisesAtTheInterpolationThresholdAndFallsAgain(CajalRuntime cajal) throws Exception {
        Path example = CajalRuntime.distribution().resolve("examples/fashion-double-descent.json");
        Path dir = cajal.newFolder("double-descent");
        CajalRuntime.Outcome swept = cajal.command("sweep", example.toString(), "--param",
                "model.layers[0].params.units", "--values", "8,24,128", "--out", dir.toString());
        assertEquals(0, swept.status(), swept::toString);
        Path experiment = ExperimentsTest.onlyChild(dir, "sweep-");
        List<String> rows = Files.readAllLines(experiment.resolve("sweep.csv"));
        assertTrue(rows.get(0).startsWith("value,train_error,test_error"), rows.get(0));
        Map<Integer, double[]> errors = new LinkedHashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            errors.put(Integer.parseInt(cells[0]),
                    new double[] {Double.parseDouble(cells[1]), Double.parseDouble(cells[2])});
        }
        String table = swept + "\n" + String.join("\n", rows);
        double narrow = errors.get(8)[1];
        double threshold = errors.get(24)[1];
        double wide = errors.get(128)[1];
        // on 2,000 test images one standard error of an error rate near 0.3 is about 0.01
        assertTrue(threshold > narrow + 0.02, "the test error rises towards the interpolation threshold: " + table);
        assertTrue(wide < threshold - 0.02, "and falls again past it: " + table);
        assertTrue(errors.get(8)[0] > 0.15, "the narrow network cannot fit the noisy labels: " + table);
        assertTrue(errors.get(128)[0] < 0.01, "the wide one fits them (almost) exactly: " + table);
        assertTrue(errors.get(24)[0] < errors.get(8)[0], table);
    }
}
