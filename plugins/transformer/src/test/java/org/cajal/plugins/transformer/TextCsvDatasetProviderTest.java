package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.Parameters;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.Examples;
import org.cajal.api.data.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCsvDatasetProviderTest {

    @TempDir
    Path dir;

    private final TextCsvDatasetProvider provider = new TextCsvDatasetProvider();

    private Dataset open(String csv, Map<String, Object> params) throws Exception {
        Files.writeString(dir.resolve("t.csv"), csv);
        Map<String, Object> raw = new java.util.HashMap<>(params);
        raw.put("file", "t.csv");
        return provider.open(Parameters.resolve(provider.descriptor(), raw, dir), 1);
    }

    @Test
    void encodesTextsAsPaddedOrTruncatedTokenIds() throws Exception {
        try (Dataset d = open("label,text\npos,\"good, very good\"\nneg,bad\npos,good film that was long\n",
                Map.of("maxLength", 3))) {
            assertEquals(List.of(3L), d.schema().featureShape());
            assertEquals(TargetKind.BINARY, d.schema().targetKind());
            assertEquals(List.of("neg", "pos"), d.schema().classLabels());
            List<String> vocabulary = d.schema().featureCategories().get(TextCsvDatasetProvider.TOKEN_FEATURE);
            assertEquals(List.of("<pad>", "<unk>", "good", ",", "very", "bad", "film", "that", "was", "long"),
                    vocabulary);
            Examples e = d.read(new int[] {1, 0, 2});
            assertEquals("[[5.0, 0.0, 0.0], [2.0, 3.0, 4.0], [2.0, 6.0, 7.0]]",
                    java.util.Arrays.deepToString(e.features().toFloatMatrix()).replace("f", ""));
            assertEquals("[0.0, 1.0, 1.0]", java.util.Arrays.toString(e.targets().toFloatVector()));
        }
    }

    @Test
    void badRowsNameFileLineAndColumn() {
        DatasetException empty = assertThrows(DatasetException.class,
                () -> open("text,label\ngood,pos\nbad,\n", Map.of()));
        assertTrue(empty.getMessage().contains("t.csv line 3, column 'label'"), empty.getMessage());
        DatasetException cells = assertThrows(DatasetException.class,
                () -> open("text,label\ngood,pos\nbad, really,neg\n", Map.of()));
        assertTrue(cells.getMessage().contains("line 3") && cells.getMessage().contains("quote"), cells.getMessage());
        DatasetException column = assertThrows(DatasetException.class,
                () -> open("review,label\ngood,pos\n", Map.of()));
        assertTrue(column.getMessage().contains("no column 'text'"), column.getMessage());
        DatasetException oneClass = assertThrows(DatasetException.class,
                () -> open("text,label\ngood,pos\nbad,pos\n", Map.of()));
        assertTrue(oneClass.getMessage().contains("at least two classes"), oneClass.getMessage());
    }

    @Test
    void theNegationCorpusOpens() throws Exception {
        try (Dataset d = TransformerModelTest.corpus()) {
            assertEquals(1000, d.size());
            assertEquals(List.of("negative", "positive"), d.schema().classLabels());
        }
    }
}
