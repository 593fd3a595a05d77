package org.cajal.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;

class SmallNetworkTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode pipeline(String training) throws Exception {
        return (ObjectNode) JSON.readTree("{\"model\": {\"layers\": ["
                + "{\"type\": \"dense\", \"params\": {\"units\": 8, \"activation\": \"tanh\"}},"
                + "{\"type\": \"dense\", \"params\": {\"units\": 4}},"
                + "{\"type\": \"output\", \"params\": {\"activation\": \"softmax\"}}]},"
                + "\"training\": " + training + "}");
    }

    private static final String TRAINING = "{\"loss\": \"categorical-cross-entropy\", \"optimizer\": {\"type\":"
            + " \"adam\", \"params\": {\"learningRate\": 0.05}}, \"epochs\": 60, \"batchSize\": 16}";

    @Test
    void readsTheLayersAndTheTrainingWithCajalsDefaults() throws Exception {
        SmallNetwork n = SmallNetwork.of(pipeline(TRAINING));
        assertEquals(List.of(new SmallNetwork.Dense(8, "tanh"), new SmallNetwork.Dense(4, "relu")), n.hidden());
        assertEquals("softmax", n.outputActivation());
        assertEquals(0.05, n.learningRate());
        assertEquals(0.9, n.beta1());
        assertEquals(0.999, n.beta2());
        assertEquals(1e-8, n.epsilon());
        assertEquals(60, n.epochs());
        assertEquals(8, n.batchesPerEpoch(120));
        assertEquals(16, n.batchSize(120));
        assertEquals(10, n.batchSize(10));
        assertEquals(1, n.batchesPerEpoch(10));
    }

    @Test
    void whatTheOtherSidesWouldNotCopyIsAnErrorNamingIt() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmallNetwork.of(pipeline(
                "{\"loss\": \"mse\", \"optimizer\": {\"type\": \"adam\"}, \"epochs\": 1, \"batchSize\": 1,"
                        + " \"regularisation\": {\"l2\": 0.1}}")));
        assertTrue(e.getMessage().contains("$.training.regularisation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SmallNetwork.of(pipeline(
                "{\"loss\": \"categorical-cross-entropy\", \"optimizer\": {\"type\": \"sgd\"}}")));
        assertTrue(e.getMessage().contains("sgd"), e.getMessage());
    }

    @Test
    void theEngineKeyIsAcceptedItIsTheCajalSidesAlone() throws Exception {
        SmallNetwork n = SmallNetwork.of(pipeline(TRAINING.replace("}, \"epochs\"", "}, \"engine\": \"fused\","
                + " \"epochs\"")));
        assertEquals(60, n.epochs());
    }

    @Test
    void aTrialSetsValuesByTheirPipelinePaths() throws Exception {
        ObjectNode p = pipeline(TRAINING);
        ObjectNode trial = SmallNetwork.withTrial(p, Map.of("training.optimizer.params.learningRate", 0.003,
                "model.layers[1].params.units", 32));
        SmallNetwork n = SmallNetwork.of(trial);
        assertEquals(0.003, n.learningRate());
        assertEquals(32, n.hidden().get(1).units());
        assertEquals(0.05, SmallNetwork.of(p).learningRate(), "the original is left as it was");
        assertEquals("/model/layers/0/params/units", SmallNetwork.pointer("model.layers[0].params.units").toString());
        assertThrows(IllegalArgumentException.class, () -> SmallNetwork.withTrial(p, Map.of("no.such.key", 1)));
    }

    @Test
    void weightsStartAsCajalsLayersStartThem() {
        assertEquals(WeightInit.RELU, SmallNetwork.weightInit("relu"), "He for relu");
        assertEquals(WeightInit.RELU, SmallNetwork.weightInit("leaky-relu"));
        assertEquals(WeightInit.XAVIER, SmallNetwork.weightInit("tanh"), "Xavier otherwise");
        assertEquals(WeightInit.XAVIER, SmallNetwork.weightInit("softmax"));
    }
}
