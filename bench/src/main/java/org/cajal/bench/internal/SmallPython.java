package org.cajal.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The PyTorch side of the small case: {@code bench/pytorch/small_bench.py} (carried in this bundle as
 * {@value #SCRIPT_RESOURCE}) run as {@code python3 small_bench.py JOB.json}, one child process per job, timed from
 * launch to exit. A job is one training (a workload) or several in the same process (the 5 seeds of a repeats
 * experiment, the 8 trials of a search). The script prints {@code PYSMALL <json>} lines, read here with Jackson
 * ({@link #parse}). Its environment: {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS} set to the bench's
 * PyTorch threads, {@code ND4J_SKIP_BLAS_THREADS} and {@code MALLOC_MMAP_THRESHOLD_} removed, as for the Fashion
 * cases ({@link PythonSide}).
 */
final class SmallPython {

    static final String NAME = "pytorch";
    static final String SCRIPT_RESOURCE = "/pytorch/small_bench.py";
    static final String PREFIX = "PYSMALL ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String python;
    private final int threads;
    private final Path script;
    private Map<String, String> config = Map.of();

    private SmallPython(String python, int threads, Path script) {
        this.python = python;
        this.threads = threads;
        this.script = script;
    }

    /**
     * Copies the script into {@code workDir} and checks that {@code python} imports torch and numpy.
     *
     * @return the side, or empty after printing on {@code out} why it is skipped
     */
    static Optional<SmallPython> prepare(String python, int threads, Path workDir, PrintStream out)
            throws IOException, InterruptedException {
        Path script = workDir.resolve("small_bench.py");
        try (InputStream in = SmallPython.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bench bundle lacks " + SCRIPT_RESOURCE + "; rebuild bench (mvn package)");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        String skipped = "pytorch side skipped: %s; install python3-torch (Debian: apt-get install python3-torch) or"
                + " pass --python PATH to a Python with PyTorch; --sides cajal,dl4j leaves this side out";
        ChildProcess check;
        try {
            check = ChildProcess.run(List.of(python, "-c", "import numpy, torch"), workDir, Map.of(), List.of(),
                    null);
        } catch (IOException e) {
            out.println(String.format(skipped, "cannot start " + python + " (" + e.getMessage() + ")"));
            return Optional.empty();
        }
        if (check.status() != 0) {
            out.println(String.format(skipped, python + " cannot import torch and numpy (" + check.tail(1) + ")"));
            return Optional.empty();
        }
        return Optional.of(new SmallPython(python, threads, script));
    }

    /**
     * One training for the script's job file.
     *
     * @param label the workload, or the experiment and trial
     * @param data the folder with {@code train.csv}, {@code validation.csv}, {@code test.csv}
     * @param trainExamples the training part's size (for the batch size)
     */
    static ObjectNode run(String label, long seed, SmallNetwork net, Path data, int classes, int trainExamples) {
        ObjectNode run = JSON.createObjectNode();
        run.put("label", label).put("seed", seed).put("train", data.resolve("train.csv").toString())
                .put("validation", data.resolve("validation.csv").toString())
                .put("test", data.resolve("test.csv").toString()).put("classes", classes);
        net.describeFor(run, trainExamples);
        return run;
    }

    /**
     * What one process did.
     *
     * @param runs one per training, in order
     * @param processSeconds launch to exit
     * @param scriptSeconds from the script's first line to its last (the interpreter's own start-up not included)
     * @param importSeconds {@code import numpy, torch}
     */
    record Batch(List<JsonNode> runs, double processSeconds, double scriptSeconds, double importSeconds) {
    }

    /**
     * Writes the job file {@code job} and runs the script on it.
     *
     * @throws IOException when the script fails or prints fewer runs than it was given (the message says why)
     */
    Batch run(List<ObjectNode> runs, Path job) throws IOException, InterruptedException {
        ObjectNode root = JSON.createObjectNode();
        root.put("threads", threads);
        ArrayNode list = root.putArray("runs");
        runs.forEach(list::add);
        JSON.writerWithDefaultPrettyPrinter().writeValue(job.toFile(), root);
        String t = Integer.toString(threads);
        ChildProcess p = ChildProcess.run(List.of(python, script.toString(), job.toString()), job.getParent(),
                Map.of("OMP_NUM_THREADS", t, "OPENBLAS_NUM_THREADS", t),
                List.of("ND4J_SKIP_BLAS_THREADS", "MALLOC_MMAP_THRESHOLD_"), null);
        Parsed parsed = parse(p.lines());
        if (p.status() != 0 || !parsed.errors().isEmpty() || parsed.runs().size() != runs.size()) {
            String why = !parsed.errors().isEmpty() ? String.join("; ", parsed.errors())
                    : parsed.missing() != null ? "cannot import " + parsed.missing()
                    : String.join("\n    ", parsed.other().subList(Math.max(0, parsed.other().size() - 12),
                    parsed.other().size()));
            throw new IOException("the pytorch side (" + script + " " + job + ") failed with exit status "
                    + p.status() + " after " + parsed.runs().size() + " of " + runs.size() + " runs: " + why);
        }
        if (parsed.config() != null) {
            Map<String, String> c = new LinkedHashMap<>();
            parsed.config().fields().forEachRemaining(e -> c.put(e.getKey(), e.getValue().asText()));
            config = c;
        }
        return new Batch(parsed.runs(), p.seconds(), parsed.done() == null ? Double.NaN
                : number(parsed.done(), "seconds"),
                parsed.config() == null ? Double.NaN : number(parsed.config(), "import_seconds"));
    }

    /**
     * The script's output, sorted by kind.
     *
     * @param config the {@code config} line, or null
     * @param runs the {@code run} lines in order
     * @param done the {@code done} line, or null
     * @param errors the {@code error} lines' messages
     * @param missing the module that could not be imported, or null
     * @param other every line that was not the script's (warnings, a traceback)
     */
    record Parsed(JsonNode config, List<JsonNode> runs, JsonNode done, List<String> errors, String missing,
                  List<String> other) {
    }

    /**
     * Reads the script's lines: {@value #PREFIX} followed by one JSON object with a {@code kind}.
     *
     * @throws IOException when a {@value #PREFIX} line is not a JSON object (the message quotes it)
     */
    static Parsed parse(List<String> lines) throws IOException {
        JsonNode config = null;
        JsonNode done = null;
        String missing = null;
        List<JsonNode> runs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(PREFIX)) {
                if (!line.isBlank()) {
                    other.add(line);
                }
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line.substring(PREFIX.length()));
            } catch (JsonProcessingException e) {
                throw new IOException("not a JSON object after " + PREFIX.strip() + ": " + line, e);
            }
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object after " + PREFIX.strip() + ": " + line);
            }
            switch (node.path("kind").asText()) {
                case "config" -> config = node;
                case "run" -> runs.add(node);
                case "done" -> done = node;
                case "error" -> errors.add(node.path("message").asText());
                case "missing" -> missing = node.path("module").asText("torch");
                default -> other.add(line);
            }
        }
        return new Parsed(config, runs, done, errors, missing, other);
    }

    /** A {@code run} line as a measurement (its process time is the whole process's, where one run had it alone). */
    static SmallRun measurement(JsonNode run, String workload, int repeat, double processSeconds) {
        return new SmallRun(workload, NAME, repeat, run.path("seed").asLong(), run.path("parameters").asLong(),
                run.path("steps").asLong(), number(run, "train_seconds"), processSeconds,
                run.path("test_metric").asText(), number(run, "test_value"));
    }

    /** A number the script printed; NaN where it printed null (no such part) or nothing. */
    static double number(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    /** The last job's {@code config} line in words, or empty before the first job. */
    Optional<String> describe() {
        if (config.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("pytorch: torch " + config.get("torch") + " (numpy " + config.get("numpy") + ", Python "
                + config.get("python") + "), " + config.get("threads") + " intra-op / " + config.get("interop_threads")
                + " inter-op threads, import numpy+torch " + ResultTable.fmt(
                Double.parseDouble(config.getOrDefault("import_seconds", "NaN")), 2) + " s, " + python);
    }
}
