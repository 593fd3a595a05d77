package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input through the real command: each case exits 1 with one message that names the file and the place
 * (line and column, JSON path, CSV line and column, layer index) and says how to fix it — never a stack trace.
 */
@ExtendWith(CajalRuntime.class)
class BadInputTest {

    /** A small valid pipeline; each test breaks one thing. */
    static final String XOR = """
            {
              "schema": 1,
              "name": "bad-input",
              "dataset": { "type": "xor", "params": { "samples": 40 } },
              "model": { "layers": [
                { "type": "dense", "params": { "units": 4, "activation": "tanh" } },
                { "type": "output" } ] },
              "training": { "loss": "categorical-cross-entropy", "optimizer": { "type": "adam" }, "epochs": 2 }
            }
            """;

    static final String CSV = """
            {
              "schema": 1,
              "name": "bad-csv",
              "dataset": { "type": "csv", "params": { "file": "houses.csv", "target": "price" } },
              "model": { "layers": [ { "type": "dense", "params": { "units": 2 } }, { "type": "output" } ] },
              "training": { "loss": "mse", "optimizer": { "type": "sgd" }, "epochs": 2 }
            }
            """;

    @Test
    void theValidPipelineRuns(CajalRuntime cajal) throws Exception {
        assertEquals(0, run(cajal, XOR, null).status());
    }

    @Test
    void missingFile(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = cajal.run(cajal.newFolder("missing").resolve("nope.json").toString());
        assertError(o, "nope.json: file: not found");
    }

    @Test
    void invalidJsonNamesLineAndColumn(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, XOR.replace("\"name\": \"bad-input\",", "\"name\": \"bad-input\""), null);
        assertError(o, "pipeline.json: line 4, column 3: invalid JSON");
    }

    @Test
    void unknownKey(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, XOR.replace("\"epochs\": 2", "\"epochs\": 2, \"epoch\": 3"), null);
        assertError(o, "$.training.epoch: unknown key 'epoch' (did you mean 'epochs'?)");
    }

    @Test
    void wrongType(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, XOR.replace("\"units\": 4", "\"units\": \"four\""), null);
        assertError(o, "$.model.layers[0].params.units: expected a whole number but got text \"four\"");
    }

    @Test
    void outOfRangeValueGivesTheAllowedRange(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, XOR.replace("\"units\": 4", "\"units\": 0"), null);
        assertError(o, "$.model.layers[0].params.units: value 0 is out of range; allowed: 1 .. 65536");
    }

    @Test
    void unknownParameterOfAComponent(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, XOR.replace("\"units\": 4", "\"unit\": 4"), null);
        assertError(o, "$.model.layers[0].params.unit: 'dense' has no parameter 'unit' (did you mean 'units'?)");
    }

    @Test
    void layerTypeThatIsNotInstalledNamesTheInstalledOnes(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, XOR.replace("\"type\": \"dense\"", "\"type\": \"conv9\""), null);
        assertError(o, "$.model.layers[0].type: no layer type 'conv9' is installed");
        assertTrue(o.err().contains("installed: ") && o.err().contains("dense, ") && o.err().contains("output"),
                o::toString);
    }

    @Test
    void layerWhoseInputDoesNotMatchItsPredecessorNamesTheLayer(CajalRuntime cajal) throws Exception {
        String stack = XOR.replace("{ \"type\": \"output\" }",
                "{ \"type\": \"dense\", \"params\": { \"units\": 3, \"inputs\": 5 } }, { \"type\": \"output\" }");
        CajalRuntime.Outcome o = run(cajal, stack, null);
        assertError(o, "$.model.layers[1]: ");
        assertTrue(o.err().contains("layer 1 (dense)") && o.err().contains("layer 0 (dense)")
                && o.err().contains("5") && o.err().contains("[4]"), o::toString);
    }

    @Test
    void csvWithANonNumericCellNamesRowAndColumn(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, CSV, "area,distance,price\n1.0,2.0,3.0\n1.5,abc,2.5\n2.0,1.0,3.5\n");
        assertError(o, "houses.csv line 3 (data row 2), column 'distance' (column 2): 'abc' is not a number");
    }

    @Test
    void csvWithoutTheTargetColumnListsTheColumns(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, CSV, "area,distance,cost\n1.0,2.0,3.0\n1.5,1.0,2.5\n");
        assertError(o, "has no column 'price' to use as the target; available columns: area, distance, cost");
    }

    @Test
    void emptyDataset(CajalRuntime cajal) throws Exception {
        CajalRuntime.Outcome o = run(cajal, CSV, "area,distance,price\n");
        assertError(o, "houses.csv has no data rows");
    }

    private static CajalRuntime.Outcome run(CajalRuntime cajal, String pipeline, String csv) throws Exception {
        Path dir = cajal.newFolder("bad");
        Files.writeString(dir.resolve("pipeline.json"), pipeline);
        if (csv != null) {
            Files.writeString(dir.resolve("houses.csv"), csv);
        }
        return cajal.run(dir.resolve("pipeline.json").toString(), "--out", dir.resolve("runs").toString());
    }

    private static void assertError(CajalRuntime.Outcome o, String expected) {
        assertEquals(1, o.status(), o::toString);
        assertTrue(o.err().startsWith("error: "), o::toString);
        assertTrue(o.err().contains(expected), () -> "expected «" + expected + "» in\n" + o);
        assertFalse(o.err().contains("\tat "), () -> "no stack trace expected:\n" + o);
    }
}
