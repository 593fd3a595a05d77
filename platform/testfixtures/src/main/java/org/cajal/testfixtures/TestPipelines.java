package org.cajal.testfixtures;

/** Pipeline file texts for tests. */
public final class TestPipelines {

    private TestPipelines() {
    }

    /**
     * A small classifier: the xor dataset, one dense layer of {@code units} and an output layer, Adam at
     * {@code learningRate}, 3 epochs. {@link FakeRunner#defaultLoss} is smallest at learning rate 0.01 and 8 units.
     */
    public static String dense(String name, double learningRate, int units) {
        return "{\n  \"schema\": 1,\n  \"name\": \"" + name + "\",\n  \"seed\": 42,\n"
                + "  \"dataset\": {\"type\": \"xor\"},\n"
                + "  \"model\": {\"layers\": [{\"type\": \"dense\", \"params\": {\"units\": " + units + "}},"
                + " {\"type\": \"output\", \"params\": {}}]},\n"
                + "  \"training\": {\"loss\": \"categorical-cross-entropy\", \"optimizer\": {\"type\": \"adam\","
                + " \"params\": {\"learningRate\": " + learningRate + "}}, \"epochs\": 3, \"batchSize\": 16}\n}\n";
    }

    /** A complete xor pipeline as the examples write one: a hold-out split, Adam at 0.05, an L2 penalty, 3 epochs. */
    public static String xor(String name, long seed) {
        return """
                {
                  "schema": 1,
                  "name": "%s",
                  "seed": %d,
                  "dataset": { "type": "xor", "params": { "samples": 200, "noise": 0.1 } },
                  "split": { "validation": 0.2, "test": 0.2, "stratify": true },
                  "model": { "layers": [
                    { "type": "dense", "params": { "units": 8, "activation": "tanh" } },
                    { "type": "output", "params": { "activation": "softmax" } } ] },
                  "training": {
                    "loss": "categorical-cross-entropy",
                    "optimizer": { "type": "adam", "params": { "learningRate": 0.05 } },
                    "epochs": 3, "batchSize": 16,
                    "regularisation": { "l2": 0.001 },
                    "earlyStopping": { "patience": 5 }
                  }
                }
                """.formatted(name, seed);
    }
}
