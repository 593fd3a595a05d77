package org.cajal.plugins.transformer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

/**
 * {@value TransformerModel#ATTENTION_FILE}: {@code layers}, {@code heads}, and {@code examples}, each with its
 * {@code tokens} (padding left out), the predicted class {@code probabilities} and {@code attention[layer][head]}
 * as a square matrix over those tokens.
 */
final class AttentionFile {

    private AttentionFile() {
    }

    /** Writes the file for the given examples (token ids {@code [n, length]}), atomically. */
    static void write(TransformerModel model, List<String> tokens, INDArray features, Path target)
            throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + TransformerModel.ATTENTION_FILE + ".", ".tmp");
        try {
            new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(),
                    document(model, tokens, features));
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file's content; a token id without a word in {@code tokens} is shown as {@code #id}. */
    static Map<String, Object> document(TransformerModel model, List<String> tokens, INDArray features) {
        INDArray f = features.castTo(DataType.FLOAT);
        TransformerModel.Config config = model.config();
        INDArray probabilities = model.probabilities(f);
        List<INDArray> perLayer = new ArrayList<>();
        for (int l = 0; l < config.layers(); l++) {
            perLayer.add(model.attention(f, l));
        }
        List<Map<String, Object>> examples = new ArrayList<>();
        for (int i = 0; i < f.size(0); i++) {
            int[] positions = tokenPositions(f, i, config.length());
            List<String> words = new ArrayList<>();
            for (int p : positions) {
                int id = f.getInt(i, p);
                words.add(id < tokens.size() ? tokens.get(id) : "#" + id);
            }
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("tokens", words);
            example.put("probabilities", probabilities.getRow(i).toDoubleVector());
            example.put("attention", attention(perLayer, i, positions, config.heads()));
            examples.add(example);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("layers", config.layers());
        doc.put("heads", config.heads());
        doc.put("examples", examples);
        return doc;
    }

    /** The positions of example {@code i} that hold a token rather than padding. */
    private static int[] tokenPositions(INDArray f, int i, int length) {
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < length; p++) {
            if (f.getInt(i, p) != Vocabulary.PADDING) {
                out.add(p);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Example {@code i}'s attention, per layer and head, between its token positions. */
    private static List<List<double[][]>> attention(List<INDArray> perLayer, int i, int[] positions, int heads) {
        List<List<double[][]>> layers = new ArrayList<>();
        for (INDArray a : perLayer) {
            List<double[][]> perHead = new ArrayList<>();
            for (int hd = 0; hd < heads; hd++) {
                double[][] m = new double[positions.length][positions.length];
                for (int r = 0; r < positions.length; r++) {
                    for (int c = 0; c < positions.length; c++) {
                        m[r][c] = a.getDouble(i, hd, positions[r], positions[c]);
                    }
                }
                perHead.add(m);
            }
            layers.add(perHead);
        }
        return layers;
    }
}
