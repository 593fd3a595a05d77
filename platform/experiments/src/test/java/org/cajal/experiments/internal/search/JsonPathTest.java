package org.cajal.experiments.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cajal.testfixtures.TestPipelines;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) org.cajal.runfolder.Json.PRETTY.readTree(TestPipelines.dense("p", 0.01, 8));
    }

    @Test
    void setsNestedKeysAndListElements() throws Exception {
        ObjectNode root = tree();
        JsonPath.parse("model.layers[0].params.units").set(root, IntNode.valueOf(32));
        JsonPath.parse("$.training.epochs").set(root, IntNode.valueOf(7));
        assertEquals(32, root.at("/model/layers/0/params/units").asInt());
        assertEquals(7, root.at("/training/epochs").asInt());
        JsonPath.parse("model.layers[1]").set(root, org.cajal.runfolder.Json.PRETTY.readTree("{\"type\": \"output\"}"));
        assertEquals("output", root.at("/model/layers/1/type").asText());
    }

    @Test
    void createsAMissingLastKeyInAnExistingObject() throws Exception {
        ObjectNode root = tree();
        JsonPath.parse("model.layers[0].params.dropout").set(root, org.cajal.runfolder.Json.PRETTY.valueToTree(0.3));
        assertEquals(0.3, root.at("/model/layers/0/params/dropout").asDouble());
        assertEquals(0.3, JsonPath.parse("model.layers[0].params.dropout").get(root).asDouble());
    }

    @Test
    void aParameterTheFileDoesNotSetYetIsSetWithItsSection() throws Exception {
        ObjectNode root = tree();
        JsonPath.parse("training.regularisation.l2").set(root, org.cajal.runfolder.Json.PRETTY.valueToTree(0.01));
        assertEquals(0.01, root.at("/training/regularisation/l2").asDouble());
        ((ObjectNode) root.at("/model/layers/1")).remove("params");
        JsonPath.parse("model.layers[1].params.units").set(root, IntNode.valueOf(3));
        assertEquals(3, root.at("/model/layers/1/params/units").asInt());
    }

    @Test
    void aMissingIntermediateKeyNamesThePathAndTheKeysThere() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonPath.parse("training.optimiser.params.learningRate").set(tree(), IntNode.valueOf(1)));
        assertTrue(e.getMessage().contains("training.optimiser does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("optimizer"), "lists the keys that exist: " + e.getMessage());
    }

    @Test
    void anIndexOutOfRangeSaysHowManyElementsThereAre() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonPath.parse("model.layers[5].params.units").set(tree(), IntNode.valueOf(1)));
        assertTrue(e.getMessage().contains("model.layers has 2 elements (indices 0 to 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("model.layers[5]"), e.getMessage());
    }

    @Test
    void indexingSomethingThatIsNotAListIsAnError() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JsonPath.parse("training[0]").set(tree(), IntNode.valueOf(1)));
        assertTrue(e.getMessage().contains("training is an object, not a list"), e.getMessage());
    }

    @Test
    void malformedPathsAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("model..layers"))
                .getMessage().contains("empty key"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("model.layers[x]"))
                .getMessage().contains("not an array index"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("model.layers[0"))
                .getMessage().contains("without ']'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonPath.parse(""))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("model."))
                .getMessage().contains("ends with a dot"));
    }
}
