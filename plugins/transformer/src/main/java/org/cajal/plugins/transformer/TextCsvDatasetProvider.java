package org.cajal.plugins.transformer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;

/**
 * Labelled texts from a CSV file: each example's features are the token ids of its text ({@code [maxLength]},
 * padded with 0 or truncated), its target the class of its label. The vocabulary, in id order, is published in the
 * schema as the categories of the feature {@value #TOKEN_FEATURE}, so a text model can size its embedding and show
 * tokens. The ids are numbered over the whole file; which of them a model learns is fitted on its training rows
 * ({@link TransformerModel} reads the others as unknown).
 */
@Component(service = DatasetProvider.class)
public final class TextCsvDatasetProvider implements DatasetProvider {

    /** The id of this dataset. */
    public static final String ID = "text-csv";
    /** The key in {@link DataSchema#featureCategories()} whose categories are the vocabulary in id order. */
    public static final String TOKEN_FEATURE = "token";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "Text CSV", "Files",
            "Labelled texts from a CSV file with a header row: one column holds the text, another its class label. "
                    + "Each text becomes a sequence of token ids (words or characters): id 0 is padding, id 1 an "
                    + "unknown token, then the most frequent tokens. Ids are numbered over the whole file, so the "
                    + "same file always gives the same ids, but a model learns only the tokens of its training rows: "
                    + "the transformer reads a token that no training row holds (per fold in k-fold) as the unknown "
                    + "token, so a token found only in validation or test rows never gets an embedding of its own. "
                    + "Texts longer than maxLength are truncated, shorter ones padded.",
            List.of(ParameterSpec.file("file").help("The CSV file (UTF-8, comma-separated, with a header row)."),
                    ParameterSpec.string("text", "text").help("Name of the column that holds the text."),
                    ParameterSpec.string("label", "label").help("Name of the column that holds the class label."),
                    ParameterSpec.choice("tokenizer", List.of("word", "char"))
                            .help("word: words and punctuation marks are tokens; char: every character is one."),
                    ParameterSpec.integer("vocabularySize", 1000).range(3, 1_000_000)
                            .help("Largest number of token ids, padding and unknown included; rarer tokens "
                                    + "become the unknown token. Counted over the whole file; the transformer "
                                    + "keeps only those its training rows hold."),
                    ParameterSpec.integer("maxLength", 32).range(1, 4096).unit("tokens")
                            .help("Tokens per example: longer texts are cut, shorter ones padded."),
                    ParameterSpec.bool("lowercase", true).help("Lower-case the text before splitting it.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        Path file = parameters.getPath("file");
        String labelColumn = parameters.getString("label");
        TextTable table = TextTable.read(file, parameters.getString("text"), labelColumn);
        Vocabulary vocabulary = Vocabulary.fit(table.texts(), Vocabulary.Tokenizer.of(parameters.getString("tokenizer")),
                parameters.getBoolean("lowercase"), parameters.getInt("vocabularySize"));
        int length = parameters.getInt("maxLength");
        List<String> classes = classLabels(table.labels());
        if (classes.size() < 2) {
            throw new DatasetException(file + ", column '" + labelColumn + "': every row has the label '"
                    + classes.get(0) + "'; a classifier needs at least two classes");
        }
        int n = table.texts().size();
        float[] features = new float[n * length];
        float[] targets = new float[n];
        for (int i = 0; i < n; i++) {
            int[] ids = vocabulary.encode(table.texts().get(i), length);
            for (int t = 0; t < length; t++) {
                features[i * length + t] = ids[t];
            }
            targets[i] = classes.indexOf(table.labels().get(i));
        }
        DataSchema schema = new DataSchema(List.of(), List.of((long) length),
                classes.size() == 2 ? TargetKind.BINARY : TargetKind.MULTICLASS, List.of(labelColumn), classes,
                Map.of(TOKEN_FEATURE, vocabulary.tokens()));
        String identity = "text-csv " + file + " sha256:" + table.sha256().substring(0, 12) + " rows=" + n
                + " tokenizer=" + parameters.getString("tokenizer") + " vocabulary=" + vocabulary.size()
                + " maxLength=" + length;
        return new TextDataset(schema, features, targets, length, identity);
    }

    /** The distinct labels, numerically ordered when all are numbers, else alphabetically. */
    static List<String> classLabels(List<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        boolean numeric = distinct.stream().allMatch(TextCsvDatasetProvider::isNumber);
        List<String> out = new ArrayList<>(distinct);
        if (numeric) {
            out.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        return out;
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The encoded texts held in memory. */
    private static final class TextDataset implements Dataset {

        private final DataSchema schema;
        private final float[] features;
        private final float[] targets;
        private final int length;
        private final String identity;

        TextDataset(DataSchema schema, float[] features, float[] targets, int length, String identity) {
            this.schema = schema;
            this.features = features;
            this.targets = targets;
            this.length = length;
            this.identity = identity;
        }

        @Override
        public DataSchema schema() {
            return schema;
        }

        @Override
        public int size() {
            return targets.length;
        }

        @Override
        public Examples read(int[] indices) throws DatasetException {
            float[] f = new float[indices.length * length];
            float[] t = new float[indices.length];
            for (int k = 0; k < indices.length; k++) {
                int i = indices[k];
                if (i < 0 || i >= targets.length) {
                    throw new DatasetException(identity + ": no example " + i + " (the file has " + targets.length
                            + " rows)");
                }
                System.arraycopy(features, i * length, f, k * length, length);
                t[k] = targets[i];
            }
            INDArray x = Nd4j.create(f, new long[] {indices.length, length}, DataType.FLOAT);
            INDArray y = Nd4j.create(t, new long[] {indices.length, 1}, DataType.FLOAT);
            return new Examples(x, y);
        }

        @Override
        public String identity() {
            return identity;
        }
    }
}
