package org.cajal.itests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Spark standalone cluster on this machine, on 127.0.0.1 only: a Master and Workers started from the
 * distribution's lib/spark/jars (no Spark tarball), each Worker with one core, using lib/spark as its SPARK_HOME so
 * that its executors have Spark's jars. Closing it kills every process it started, executors included.
 */
final class SparkCluster implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final int port;
    private final int uiPort;

    private SparkCluster(int port, int uiPort) {
        this.port = port;
        this.uiPort = uiPort;
    }

    /** Starts a Master and {@code workers} Workers and waits until the Master lists them all alive. */
    static SparkCluster start(Path dir, int workers) throws IOException, InterruptedException {
        SparkCluster cluster = new SparkCluster(freePort(), freePort());
        try {
            cluster.processes.add(cluster.java(dir, "master", List.of("org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(cluster.port), "--webui-port",
                    Integer.toString(cluster.uiPort))));
            for (int i = 1; i <= workers; i++) {
                Path work = Files.createDirectories(dir.resolve("worker-" + i));
                Process worker = cluster.java(dir, "worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
                        cluster.master(), "--host", "127.0.0.1", "--cores", "1", "--memory", "1200m", "--work-dir",
                        work.toString(), "--webui-port", Integer.toString(freePort())));
                cluster.processes.add(worker);
                cluster.workers.add(worker);
            }
            cluster.awaitWorkers(workers, Duration.ofSeconds(90));
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    String master() {
        return "spark://127.0.0.1:" + port;
    }

    /** The executor JVMs a Worker runs now (its child processes). */
    List<ProcessHandle> executors(int worker) {
        return workers.get(worker - 1).descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
    }

    private Process java(Path dir, String name, List<String> main) throws IOException {
        Path spark = CajalRuntime.distribution().resolve("lib").resolve("spark").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", spark.resolve("jars") + "/*:" + spark.resolve("conf")));
        command.addAll(main);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", spark.toString());
        // what a Spark installation's scripts set; without it the Worker looks for a Spark build tree
        builder.environment().put("SPARK_SCALA_VERSION", "2.12");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private void awaitWorkers(int n, Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long end = System.nanoTime() + limit.toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (ExperimentsTest.JSON.readTree(last).path("aliveworkers").asInt() >= n) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString(); // the master's web UI is not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the Spark master did not list " + n + " alive workers within " + limit + ": " + last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
