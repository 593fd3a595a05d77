package org.cajal.bench.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code bench/pytorch/fashion_bench.py} printed, parsed. The script prints lines {@code PYBENCH <kind>
 * key=value ...} (values without spaces), except {@code PYBENCH error <free text>}; anything else (a Python
 * warning, a traceback) is kept in {@link #otherLines} so that a failure can be shown as it was.
 *
 * <p>Kinds: {@code config} (torch version, threads, BLAS, oneDNN, environment), {@code data} ({@code train},
 * {@code test}, {@code parameters}), {@code epoch} ({@code n}, {@code seconds}), {@code result}
 * ({@code test_accuracy}, {@code peak_rss_kib}), {@code missing} ({@code module}: PyTorch or numpy not
 * installed), {@code error}.
 */
final class PythonOutput {

    static final String PREFIX = "PYBENCH ";

    private final Map<String, String> config = new LinkedHashMap<>();
    private final Map<String, String> data = new LinkedHashMap<>();
    private final List<Double> epochSeconds = new ArrayList<>();
    private final List<String> otherLines = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private String missingModule;
    private double testAccuracy = Double.NaN;
    private long peakRssKib = -1;

    /** Parses every line; lines that do not start with {@value #PREFIX} are kept as {@link #otherLines()}. */
    static PythonOutput parse(List<String> lines) {
        PythonOutput out = new PythonOutput();
        for (String line : lines) {
            out.accept(line);
        }
        return out;
    }

    /**
     * Takes one line of the script's output.
     *
     * @throws IllegalArgumentException when a {@code PYBENCH} line is malformed: a pair without '=', an epoch out
     *         of order, a number that is not one (the message quotes the line)
     */
    void accept(String line) {
        if (!line.startsWith(PREFIX)) {
            if (!line.isBlank()) {
                otherLines.add(line);
            }
            return;
        }
        String rest = line.substring(PREFIX.length()).strip();
        int space = rest.indexOf(' ');
        String kind = space < 0 ? rest : rest.substring(0, space);
        String tail = space < 0 ? "" : rest.substring(space + 1).strip();
        if (kind.equals("error")) {
            errors.add(tail);
            return;
        }
        Map<String, String> pairs = pairs(tail, line);
        switch (kind) {
            case "config" -> config.putAll(pairs);
            case "data" -> data.putAll(pairs);
            case "epoch" -> {
                int n = (int) number(pairs, "n", line);
                if (n != epochSeconds.size() + 1) {
                    throw new IllegalArgumentException("epoch " + n + " out of order (expected "
                            + (epochSeconds.size() + 1) + ") in: " + line);
                }
                epochSeconds.add(number(pairs, "seconds", line));
            }
            case "result" -> {
                testAccuracy = number(pairs, "test_accuracy", line);
                peakRssKib = (long) number(pairs, "peak_rss_kib", line);
            }
            case "missing" -> missingModule = pairs.getOrDefault("module", "torch");
            default -> otherLines.add(line);
        }
    }

    private static Map<String, String> pairs(String tail, String line) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (tail.isEmpty()) {
            return pairs;
        }
        for (String token : tail.split("\\s+")) {
            int eq = token.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + token + "' is not key=value in: " + line);
            }
            pairs.put(token.substring(0, eq), token.substring(eq + 1));
        }
        return pairs;
    }

    private static double number(Map<String, String> pairs, String key, String line) {
        String value = pairs.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no " + key + "= in: " + line);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + "=" + value + " is not a number in: " + line);
        }
    }

    /** The {@code config} line's pairs in order: torch, numpy, python, threads, BLAS, oneDNN, environment. */
    Map<String, String> config() {
        return config;
    }

    /** The {@code data} line's pairs: case, train, test, parameters, load_seconds. */
    Map<String, String> data() {
        return data;
    }

    List<Double> epochSeconds() {
        return epochSeconds;
    }

    /** Test accuracy after the last epoch, NaN if the script did not get that far. */
    double testAccuracy() {
        return testAccuracy;
    }

    /** The Python process's peak resident size in KiB ({@code VmHWM}; {@code ru_maxrss} without /proc), -1 unknown. */
    long peakRssKib() {
        return peakRssKib;
    }

    long trainExamples() {
        return Long.parseLong(data.getOrDefault("train", "-1"));
    }

    long parameters() {
        return Long.parseLong(data.getOrDefault("parameters", "-1"));
    }

    /** The Python module that could not be imported (PyTorch or numpy), if that is why the script stopped. */
    Optional<String> missingModule() {
        return Optional.ofNullable(missingModule);
    }

    /** The script's own error messages ({@code PYBENCH error ...}). */
    List<String> errors() {
        return errors;
    }

    /** Lines that were not the script's: warnings, a traceback. */
    List<String> otherLines() {
        return otherLines;
    }

    /** Whether every figure a table row needs is there: epochs and the result. */
    boolean complete(int epochs) {
        return epochSeconds.size() == epochs && !Double.isNaN(testAccuracy) && !data.isEmpty();
    }
}
