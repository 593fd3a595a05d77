package org.cajal.bench.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A child process timed from launch to exit: {@code System.nanoTime()} just before {@link ProcessBuilder#start()}
 * and just after {@link Process#waitFor()} returns, its output (stderr merged into stdout) read line by line as it
 * comes so that a full pipe never stalls it.
 *
 * @param status the exit status
 * @param seconds wall time from launch to exit
 * @param lines everything it printed
 */
record ChildProcess(int status, double seconds, List<String> lines) {

    /** The framework property run.sh passes in CAJAL_OPTS to install the bench bundle; children must not inherit it. */
    static final String FILEINSTALL_DIR = "-Dfelix.fileinstall.dir=";

    /**
     * Runs {@code command} in {@code directory} with this process's environment, {@code set} put over it and
     * {@code remove} taken out; each line goes to {@code onLine} (may be null) as it arrives. The child is
     * destroyed if this thread is interrupted.
     */
    static ChildProcess run(List<String> command, Path directory, Map<String, String> set, List<String> remove,
                            Consumer<String> onLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
        remove.forEach(builder.environment()::remove);
        builder.environment().putAll(set);
        List<String> lines = new ArrayList<>();
        long t0 = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (onLine != null) {
                    onLine.accept(line);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            int status = process.waitFor();
            return new ChildProcess(status, (System.nanoTime() - t0) / 1e9, lines);
        } catch (InterruptedException | IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * {@code CAJAL_OPTS} for a {@code bin/cajal} child: this process's, less the {@value #FILEINSTALL_DIR} option
     * that {@code bench/run.sh} added to install the bench bundle (a child installing it too would time the bench's
     * own bundle). The rest — a heap size, say — passes on. Split into words as {@code bin/cajal} splits it.
     */
    static String childCajalOpts(String cajalOpts) {
        if (cajalOpts == null) {
            return "";
        }
        return Arrays.stream(cajalOpts.trim().split("\\s+"))
                .filter(word -> !word.isEmpty() && !word.startsWith(FILEINSTALL_DIR))
                .collect(Collectors.joining(" "));
    }

    /** The last {@code n} lines, for an error message. */
    String tail(int n) {
        return String.join("\n    ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }
}
