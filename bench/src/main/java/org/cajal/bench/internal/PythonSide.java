package org.cajal.bench.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The PyTorch side: {@code bench/pytorch/fashion_bench.py} (carried inside this bundle as {@value #SCRIPT_RESOURCE})
 * run by a Python with PyTorch as a child process, once per training, its {@code PYBENCH} lines parsed by
 * {@link PythonOutput}. The script reads the same IDX files itself and trains the same network with the same
 * settings; its epoch times are {@code time.perf_counter()} around each epoch (shuffling and batch gathering
 * included, Python's and torch's start-up and the data loading not), its peak RSS is its own {@code VmHWM}.
 *
 * <p>The child's environment is this process's with {@code OMP_NUM_THREADS} and {@code OPENBLAS_NUM_THREADS} set
 * to {@code --threads} and {@code ND4J_SKIP_BLAS_THREADS} removed: {@code bin/cajal} sets
 * {@code OPENBLAS_NUM_THREADS=1} for ND4J, which would hold torch's matrix products (OpenBLAS) to one thread.
 * {@code OPENBLAS_CORETYPE} and the rest pass through; the script prints what it saw.
 */
final class PythonSide {

    static final String NAME = "pytorch";
    static final String SCRIPT_RESOURCE = "/pytorch/fashion_bench.py";
    /** The script's exit status when PyTorch or numpy cannot be imported. */
    static final int MISSING_MODULE = 3;

    private final String python;
    private final Path folder;
    private final int limit;
    private final int threads;
    private final Path script;
    private Map<String, String> config = Map.of();

    private PythonSide(String python, Path folder, int limit, int threads, Path script) {
        this.python = python;
        this.folder = folder;
        this.limit = limit;
        this.threads = threads;
        this.script = script;
    }

    /**
     * Copies the script out of the bundle into {@code workDir} and checks that {@code python} can import torch and
     * numpy.
     *
     * @return the side, or empty after printing on {@code out} why it is skipped and how to get it
     */
    static Optional<PythonSide> prepare(String python, Path folder, int limit, int threads, Path workDir,
                                        PrintStream out) throws IOException, InterruptedException {
        Path script = workDir.resolve("fashion_bench.py");
        try (InputStream in = PythonSide.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IOException("the bench bundle lacks " + SCRIPT_RESOURCE + "; rebuild bench (mvn package)");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> lines = new ArrayList<>();
        int status;
        try {
            status = run(List.of(python, "-c", "import numpy, torch; print(torch.__version__)"), Map.of(), lines, null);
        } catch (IOException e) {
            out.println("pytorch side skipped: cannot start " + python + " (" + e.getMessage() + "); install"
                    + " python3-torch (Debian: apt-get install python3-torch) or pass --python PATH to a Python"
                    + " with PyTorch; --sides cajal,dl4j leaves this side out");
            return Optional.empty();
        }
        if (status != 0) {
            String why = lines.isEmpty() ? "exit status " + status : lines.get(lines.size() - 1);
            out.println("pytorch side skipped: " + python + " cannot import torch and numpy (" + why + "); install"
                    + " python3-torch (Debian: apt-get install python3-torch) or pass --python PATH to a Python"
                    + " with PyTorch; --sides cajal,dl4j leaves this side out");
            return Optional.empty();
        }
        return Optional.of(new PythonSide(python, folder, limit, threads, script));
    }

    /** The command line of one training; the script takes the same options as the bench. */
    List<String> command(BenchCase benchCase, int epochs, long seed, double learningRate, int batchSize) {
        List<String> command = new ArrayList<>(List.of(python, "-u", script.toString(), "--case", benchCase.id(),
                "--epochs", Integer.toString(epochs), "--threads", Integer.toString(threads), "--folder",
                folder.toString(), "--seed", Long.toString(seed), "--batch", Integer.toString(batchSize), "--lr",
                Double.toString(learningRate)));
        if (limit > 0) {
            command.addAll(List.of("--limit", Integer.toString(limit)));
        }
        return command;
    }

    Measurement train(BenchCase benchCase, int repeat, int epochs, long seed, double learningRate, int batchSize)
            throws IOException, InterruptedException {
        PythonOutput output = new PythonOutput();
        List<String> raw = new ArrayList<>();
        int status = run(command(benchCase, epochs, seed, learningRate, batchSize),
                Map.of("OMP_NUM_THREADS", Integer.toString(threads), "OPENBLAS_NUM_THREADS", Integer.toString(threads)),
                raw, output);
        if (output.missingModule().isPresent()) {
            throw new IOException("the pytorch side cannot import " + output.missingModule().get()
                    + "; install python3-torch (Debian: apt-get install python3-torch) or pass --python PATH");
        }
        if (status != 0 || !output.complete(epochs)) {
            String why = !output.errors().isEmpty() ? String.join("; ", output.errors())
                    : String.join("\n    ", tail(output.otherLines(), 12));
            throw new IOException("the pytorch side (" + script + ") failed with exit status " + status + ": " + why);
        }
        config = output.config();
        return new Measurement(benchCase, NAME, repeat, output.epochSeconds(), output.trainExamples(),
                output.parameters(), output.testAccuracy(), output.peakRssKib());
    }

    /** The last training's {@code config} line in words, or empty before the first training. */
    Optional<String> describe() {
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> c = config;
        return Optional.of(String.format(Locale.ROOT,
                "pytorch: torch %s (numpy %s, Python %s), %s intra-op / %s inter-op threads, oneDNN %s %s,"
                        + " BLAS %s (%s), CPU capability %s; its environment: OMP_NUM_THREADS=%s"
                        + " OPENBLAS_NUM_THREADS=%s OPENBLAS_CORETYPE=%s MKL_NUM_THREADS=%s; peak RSS: its own"
                        + " VmHWM", c.get("torch"), c.get("numpy"), c.get("python"), c.get("threads"),
                c.get("interop_threads"), c.get("onednn"), "1".equals(c.get("mkldnn")) ? "(on)" : "(off)",
                c.get("blas"), c.get("blas_library"), c.get("cpu_capability"), c.get("env.OMP_NUM_THREADS"),
                c.get("env.OPENBLAS_NUM_THREADS"), c.get("env.OPENBLAS_CORETYPE"), c.get("env.MKL_NUM_THREADS")));
    }

    /**
     * Runs a command with stderr merged into stdout, feeding each line to {@code output} (when given) and keeping
     * it in {@code lines}; the child is destroyed if this thread is interrupted.
     */
    private static int run(List<String> command, Map<String, String> env, List<String> lines, PythonOutput output)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("ND4J_SKIP_BLAS_THREADS");
        // a glibc setting given to the JVM (docs/performance.md, Memory) is not passed on: PyTorch runs with the defaults
        builder.environment().remove("MALLOC_MMAP_THRESHOLD_");
        builder.environment().putAll(env);
        Process process = builder.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (output != null) {
                    output.accept(line);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return process.waitFor();
        } catch (InterruptedException | IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
