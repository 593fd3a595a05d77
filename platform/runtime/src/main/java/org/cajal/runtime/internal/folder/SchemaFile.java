package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.TargetKind;
import org.cajal.runfolder.Json;

/**
 * schema.json in a run folder: the raw dataset's schema (feature names and categories, target, classes), so a
 * saved model can be given new raw examples without the original dataset.
 */
public final class SchemaFile {

    private SchemaFile() {
    }

    public static Map<String, Object> toMap(DataSchema s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("featureNames", s.featureNames());
        m.put("featureShape", s.featureShape());
        m.put("targetKind", s.targetKind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("targetNames", s.targetNames());
        m.put("classLabels", s.classLabels());
        m.put("featureCategories", s.featureCategories());
        return m;
    }

    /** Reads schema.json; the message of a failure names the file. */
    static DataSchema read(Path file) throws IOException {
        return fromJson(Json.readTree(file));
    }

    static DataSchema fromJson(JsonNode n) {
        ObjectMapper json = Json.PRETTY;
        Map<String, List<String>> categories = new LinkedHashMap<>();
        n.get("featureCategories").fields().forEachRemaining(e ->
                categories.put(e.getKey(), json.convertValue(e.getValue(), List.class)));
        return new DataSchema(strings(json, n.get("featureNames")),
                json.convertValue(n.get("featureShape"), json.getTypeFactory().constructCollectionType(List.class, Long.class)),
                TargetKind.valueOf(n.get("targetKind").asText().toUpperCase(java.util.Locale.ROOT)),
                strings(json, n.get("targetNames")), strings(json, n.get("classLabels")), categories);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(ObjectMapper json, JsonNode n) {
        return json.convertValue(n, List.class);
    }
}
