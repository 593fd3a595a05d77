package org.cajal.plugins.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;

/**
 * The content of {@value GanModel#SAMPLES_FILE}, which a GAN writes beside its model file:
 * <pre>
 * { "format": 1,
 *   "sampleShape": [2] or [1, 28, 28],
 *   "loss": "binary-cross-entropy" | "mse",
 *   "generatorLoss": "non-saturating" | "minimax" | "least-squares",
 *   "equilibrium": { "discriminator_loss": ..., "generator_loss": ... },
 *   "real": [[...], ...],                       up to 500 training examples as the model saw them, flattened
 *   "epochs": [ { "epoch": 0, "samples": [[...], ...] }, ... ] }
 * </pre>
 * Epoch 0 holds the untrained generator's samples; epoch e those after e epochs. Every epoch's samples come from
 * the same fixed latent vectors, so column j of the sample grid follows one latent vector through training.
 * Values are rounded to four decimals.
 *
 * @param sampleShape shape of one example
 * @param loss the training loss id
 * @param generatorLoss what the generator minimised
 * @param equilibrium the losses where the discriminator cannot tell real from generated examples
 * @param real real examples, flattened
 * @param epochs generated samples per epoch, flattened
 */
record GanSamples(List<Long> sampleShape, String loss, String generatorLoss, Map<String, Double> equilibrium,
                  List<float[]> real, List<GanModel.EpochSamples> epochs) {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final int FORMAT = 1;

    GanSamples {
        sampleShape = List.copyOf(sampleShape);
        equilibrium = Map.copyOf(equilibrium);
        real = List.copyOf(real);
        epochs = List.copyOf(epochs);
    }

    /** Number of scalars in one example. */
    int width() {
        return (int) sampleShape.stream().mapToLong(Long::longValue).reduce(1L, (a, b) -> a * b);
    }

    /** Whether the examples are images {@code [channels, height, width]}. */
    boolean images() {
        return sampleShape.size() == 3;
    }

    /** Writes the file (through a temporary file, so a reader never sees half of it). */
    static void write(GanSamples samples, Path target) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("sampleShape", samples.sampleShape());
        doc.put("loss", samples.loss());
        doc.put("generatorLoss", samples.generatorLoss());
        doc.put("equilibrium", new LinkedHashMap<>(samples.equilibrium()));
        doc.put("real", rounded(samples.real()));
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (GanModel.EpochSamples e : samples.epochs()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("epoch", e.epoch());
            m.put("samples", rounded(List.of(e.samples())));
            epochs.add(m);
        }
        doc.put("epochs", epochs);
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + GanModel.SAMPLES_FILE + ".", ".tmp");
        try {
            MAPPER.writeValue(tmp.toFile(), doc);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static List<float[]> rounded(List<float[]> rows) {
        List<float[]> out = new ArrayList<>(rows.size());
        for (float[] row : rows) {
            float[] r = new float[row.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = Float.isFinite(row[i]) ? Math.round(row[i] * 1e4) / 1e4f : row[i];
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static GanSamples read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.path("format").asInt() != FORMAT) {
            throw new IllegalArgumentException(file + " is not a GAN samples file of format " + FORMAT
                    + "; train the run again with this version of the gan plugin");
        }
        List<Long> shape = new ArrayList<>();
        root.path("sampleShape").forEach(n -> shape.add(n.asLong()));
        if (shape.isEmpty()) {
            throw new IllegalArgumentException(file + " has no sampleShape");
        }
        Map<String, Double> equilibrium = new LinkedHashMap<>();
        root.path("equilibrium").fields().forEachRemaining(e -> equilibrium.put(e.getKey(), e.getValue().asDouble()));
        List<GanModel.EpochSamples> epochs = new ArrayList<>();
        for (JsonNode e : root.path("epochs")) {
            List<float[]> samples = matrix(e.path("samples"));
            epochs.add(new GanModel.EpochSamples(e.path("epoch").asInt(), samples.toArray(float[][]::new)));
        }
        GanSamples out = new GanSamples(shape, root.path("loss").asText(), root.path("generatorLoss").asText(),
                equilibrium, matrix(root.path("real")), epochs);
        int width = out.width();
        for (GanModel.EpochSamples e : epochs) {
            for (float[] s : e.samples()) {
                if (s.length != width) {
                    throw new IllegalArgumentException(file + ": a sample of epoch " + e.epoch() + " has "
                            + s.length + " values but the sample shape " + shape + " needs " + width);
                }
            }
        }
        return out;
    }

    private static List<float[]> matrix(JsonNode rows) {
        List<float[]> out = new ArrayList<>();
        for (JsonNode row : rows) {
            float[] r = new float[row.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = (float) row.get(i).asDouble();
            }
            out.add(r);
        }
        return out;
    }
}
