package org.cajal.experiments.internal.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.Json;
import org.cajal.runfolder.RunFolders;

/**
 * Values of the JSON objects read from run and experiment folders (nested objects, arrays, strings, numbers: an
 * absent or mistyped value reads as empty), and numbers as the run store and reports show them. Reading and
 * writing the files is the run-folder library's ({@link RunFolders}, {@link org.cajal.runfolder.Json}).
 */
public final class FolderFiles {

    private FolderFiles() {
    }

    /** A JSON object file read by {@link Json#readObject}, or an empty map when the file does not exist. */
    public static Map<String, Object> readObjectIfPresent(Path file) throws IOException {
        return Files.isRegularFile(file) ? Json.readObject(file) : new LinkedHashMap<>();
    }

    /** A nested JSON object, or an empty map when absent or of another type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    /** A nested JSON array, or an empty list when absent or of another type. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof List<?> l ? (List<Object>) l : new ArrayList<>();
    }

    /** A string value, or null. */
    public static String string(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? null : value.toString();
    }

    /** A number as a double, or NaN when absent or not a number. */
    public static double number(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** A short human-readable number: up to 6 significant digits, no exponent for ordinary magnitudes. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        double abs = Math.abs(value);
        if (abs >= 1e-4 && abs < 1e7) {
            return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.5g", value);
    }
}
