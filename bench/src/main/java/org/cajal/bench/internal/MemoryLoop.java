package org.cajal.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

import javax.management.JMException;

import org.cajal.api.pipeline.PipelineException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code cajal bench --case loop}: the same small pipeline (by default the MLP on the first 2,000 Fashion-MNIST
 * training images, one epoch) run many times in this one process through Cajal's runtime, as a hyperparameter
 * search would, to see whether memory stays flat. After run 1, every 10th run and the last it prints, each after
 * two full GCs: the heap in use, JavaCPP's {@code Pointer.totalBytes()} (off-heap bytes ND4J has allocated and not
 * freed) and {@code Pointer.physicalBytes()} (the process's resident bytes as JavaCPP reads them), the process's
 * {@code VmRSS}, and the number of live threads. Then the growth per run from run 1 to the last, and a class
 * histogram diff (run 1 → last run) naming the classes whose live instances grew.
 *
 * <p>JavaCPP's {@code Pointer} is not among the engine bundle's exports; it is reached by reflection through the
 * class loader that loaded {@link Nd4j}, which sees the engine's embedded JavaCPP.
 */
final class MemoryLoop {

    /** One reading. */
    record Reading(int run, long heapBytes, long javacppTotalBytes, long javacppPhysicalBytes, long rssKib,
                   int threads, double seconds) {
    }

    private static final int EVERY = 10;
    private static final int HISTOGRAM_TOP = 15;

    private final CajalSide cajal;
    private final PrintStream out;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Method totalBytes;
    private final Method physicalBytes;

    MemoryLoop(CajalSide cajal, PrintStream out) {
        this.cajal = cajal;
        this.out = out;
        Method total = null;
        Method physical = null;
        try {
            Class<?> pointer = Class.forName("org.bytedeco.javacpp.Pointer", true, Nd4j.class.getClassLoader());
            total = pointer.getMethod("totalBytes");
            physical = pointer.getMethod("physicalBytes");
        } catch (ReflectiveOperationException | LinkageError e) {
            out.println("loop: JavaCPP's Pointer is not reachable (" + e + "); its columns show -");
        }
        this.totalBytes = total;
        this.physicalBytes = physical;
    }

    void run(BenchCase benchCase, int runs, int epochs, int limit, long seed, double learningRate)
            throws PipelineException, IOException, InterruptedException {
        out.printf(Locale.ROOT, "loop: %s on %s training examples, %d epoch(s) per run, %d runs through Cajal's"
                        + " runtime in this one JVM; each reading after two full GCs%n", benchCase.id(),
                limit > 0 ? Integer.toString(limit) : "all", epochs, runs);
        out.printf(Locale.ROOT, "%5s %10s %14s %17s %9s %8s %8s%n", "run", "heap MiB", "javacpp MiB",
                "javacpp phys MiB", "RSS MiB", "threads", "run s");
        Reading first = null;
        Reading last = null;
        HeapHistogram firstHistogram = null;
        for (int r = 1; r <= runs; r++) {
            long t0 = System.nanoTime();
            cajal.runOnly(benchCase, epochs, seed, learningRate);
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (r == 1 || r % EVERY == 0 || r == runs) {
                Reading reading = read(r, seconds);
                print(reading);
                if (r == 1) {
                    first = reading;
                    firstHistogram = histogram();
                }
                last = reading;
            }
        }
        if (runs < 2) {
            out.println("loop: one run only; --runs 2 or more to see growth");
            return;
        }
        int span = last.run() - first.run();
        out.printf(Locale.ROOT, "loop: growth per run (run %d -> run %d): heap %s KiB, javacpp %s KiB, javacpp"
                        + " physical %s KiB, RSS %s KiB, threads %s%n", first.run(), last.run(),
                perRun(first.heapBytes() / 1024.0, last.heapBytes() / 1024.0, span),
                perRun(first.javacppTotalBytes() / 1024.0, last.javacppTotalBytes() / 1024.0, span),
                perRun(first.javacppPhysicalBytes() / 1024.0, last.javacppPhysicalBytes() / 1024.0, span),
                perRun(first.rssKib(), last.rssKib(), span), perRun(first.threads(), last.threads(), span));
        HeapHistogram lastHistogram = histogram();
        if (firstHistogram != null && lastHistogram != null) {
            List<HeapHistogram.Growth> growth = lastHistogram.growthSince(firstHistogram, HISTOGRAM_TOP);
            out.printf(Locale.ROOT, "loop: live heap by class histogram: %d KiB after run 1, %d KiB after run %d;"
                            + " classes that grew most (instances, bytes):%n", firstHistogram.totalBytes() / 1024,
                    lastHistogram.totalBytes() / 1024, runs);
            if (growth.isEmpty()) {
                out.println("  (none)");
            }
            for (HeapHistogram.Growth g : growth) {
                out.printf(Locale.ROOT, "  %+10d %+12d  %s%n", g.instances(), g.bytes(), g.className());
            }
        }
    }

    /** Growth per run, or "-" where a reading is unknown (negative). */
    static String perRun(double first, double last, int runs) {
        if (first < 0 || last < 0 || runs < 1) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f", (last - first) / runs);
    }

    private Reading read(int run, double seconds) {
        System.gc();
        System.gc();
        return new Reading(run, memory.getHeapMemoryUsage().getUsed(), call(totalBytes), call(physicalBytes),
                ProcessMemory.residentKib(), ManagementFactory.getThreadMXBean().getThreadCount(), seconds);
    }

    private void print(Reading r) {
        out.printf(Locale.ROOT, "%5d %10s %14s %17s %9s %8d %8.2f%n", r.run(), mib(r.heapBytes()),
                mib(r.javacppTotalBytes()), mib(r.javacppPhysicalBytes()), ResultTable.mib(r.rssKib()),
                r.threads(), r.seconds());
        out.flush();
    }

    private HeapHistogram histogram() {
        try {
            return HeapHistogram.take();
        } catch (JMException | RuntimeException e) {
            out.println("loop: no class histogram here (" + e + "); use jcmd PID GC.class_histogram instead");
            return null;
        }
    }

    private static long call(Method m) {
        if (m == null) {
            return -1;
        }
        try {
            return ((Number) m.invoke(null)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
