package org.cajal.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.management.JMException;

import org.cajal.api.pipeline.PipelineException;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code cajal bench --case loop}: the same small pipeline (by default the MLP on the first 2,000 Fashion-MNIST
 * training images, one epoch) run many times in this one process through Cajal's runtime, as a hyperparameter
 * search would, to see whether memory stays flat. After run 1, every 10th run and the last it prints, each after
 * two full GCs half a second apart (see {@link #settle}): the heap in use, ND4J's count of its off-heap bytes
 * ({@code MemoryManager.allocatedMemory(0)}), JavaCPP's {@code Pointer.totalBytes()} (off-heap bytes ND4J has allocated and not
 * freed) and {@code Pointer.physicalBytes()} (the process's resident bytes as JavaCPP reads them), the process's
 * {@code VmRSS}, and the number of live threads. Then the growth per run from run 1 to the last and over the
 * second half (start-up effects — JIT code, malloc arenas, caches filling — weigh on the first), and a class
 * histogram diff (run 1 → last run) naming the classes whose live instances grew.
 *
 * <p>JavaCPP's {@code Pointer} is not among the engine bundle's exports; it is reached by reflection through the
 * class loader that loaded {@link Nd4j}, which sees the engine's embedded JavaCPP.
 */
final class MemoryLoop {

    /** One reading. */
    record Reading(int run, long heapBytes, long heapCommittedBytes, long nonHeapBytes, long nd4jBytes, long javacppTotalBytes, long javacppPhysicalBytes, long rssKib,
                   int threads, double seconds) {
    }

    private static final int EVERY = 10;
    private static final int HISTOGRAM_TOP = 15;
    private static final long SETTLE_MILLIS = 500;

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
                        + " runtime in this one JVM; each reading after two full GCs 0.5 s apart%n", benchCase.id(),
                limit > 0 ? Integer.toString(limit) : "all", epochs, runs);
        out.printf(Locale.ROOT, "%5s %9s %10s %12s %9s %12s %17s %8s %8s %6s%n", "run", "heap MiB", "committed",
                "non-heap MiB", "nd4j MiB", "javacpp MiB",
                "javacpp phys MiB", "RSS MiB", "threads", "run s");
        out.println("  (heap: in use after GC; committed: heap the JVM holds, resident once touched; non-heap:"
                + " metaspace and JIT code, committed)");
        Reading first = null;
        Reading last = null;
        HeapHistogram firstHistogram = null;
        List<Reading> readings = new ArrayList<>();
        Map<String, Long> firstMappings = Map.of();
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
                    firstMappings = ProcessMemory.residentByMapping();
                }
                last = reading;
                readings.add(reading);
            }
        }
        if (runs < 2) {
            out.println("loop: one run only; --runs 2 or more to see growth");
            return;
        }
        growth(first, last);
        Reading middle = readings.stream().filter(r -> r.run() >= runs / 2.0).findFirst().orElse(last);
        if (middle.run() > first.run() && middle.run() < last.run()) {
            growth(middle, last);
        }
        printMappingGrowth(firstMappings, ProcessMemory.residentByMapping(), runs);
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

    private void growth(Reading from, Reading to) {
        int span = to.run() - from.run();
        out.printf(Locale.ROOT, "loop: growth per run (run %d -> run %d): heap %s KiB (committed %s KiB), non-heap %s"
                        + " KiB, nd4j %s KiB, javacpp %s KiB, javacpp physical %s KiB, RSS %s KiB, threads %s%n",
                from.run(), to.run(), perRun(from.heapBytes() / 1024.0, to.heapBytes() / 1024.0, span),
                perRun(from.heapCommittedBytes() / 1024.0, to.heapCommittedBytes() / 1024.0, span),
                perRun(from.nonHeapBytes() / 1024.0, to.nonHeapBytes() / 1024.0, span),
                perRun(from.nd4jBytes() / 1024.0, to.nd4jBytes() / 1024.0, span),
                perRun(from.javacppTotalBytes() / 1024.0, to.javacppTotalBytes() / 1024.0, span),
                perRun(from.javacppPhysicalBytes() / 1024.0, to.javacppPhysicalBytes() / 1024.0, span),
                perRun(from.rssKib(), to.rssKib(), span), perRun(from.threads(), to.threads(), span));
    }

    private void printMappingGrowth(Map<String, Long> before, Map<String, Long> after, int runs) {
        if (after.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Long>> growth = mappingGrowth(before, after);
        out.printf(Locale.ROOT, "loop: resident KiB by mapping (/proc/self/smaps), after run 1 -> after run %d,"
                + " largest growth first:%n", runs);
        for (Map.Entry<String, Long> g : growth.subList(0, Math.min(8, growth.size()))) {
            out.printf(Locale.ROOT, "  %10d -> %10d  (%+d)  %s%n", before.getOrDefault(g.getKey(), 0L),
                    after.get(g.getKey()), g.getValue(), g.getKey());
        }
    }

    /** Per mapping name, resident KiB after minus before, largest growth first (names only in before are left out). */
    static List<Map.Entry<String, Long>> mappingGrowth(Map<String, Long> before, Map<String, Long> after) {
        List<Map.Entry<String, Long>> growth = new ArrayList<>();
        after.forEach((name, kib) -> growth.add(Map.entry(name, kib - before.getOrDefault(name, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return growth;
    }

    /** ND4J's own count of the off-heap bytes it has allocated on device 0 (the CPU), -1 where unknown. */
    private static long nd4jBytes() {
        try {
            return Nd4j.getMemoryManager().allocatedMemory(0);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Growth per run, or "-" where a reading is unknown (negative). */
    static String perRun(double first, double last, int runs) {
        if (first < 0 || last < 0 || runs < 1) {
            return "-";
        }
        return String.format(Locale.ROOT, "%+.1f", (last - first) / runs);
    }

    private Reading read(int run, double seconds) throws InterruptedException {
        settle();
        return new Reading(run, memory.getHeapMemoryUsage().getUsed(), memory.getHeapMemoryUsage().getCommitted(),
                memory.getNonHeapMemoryUsage().getCommitted(), nd4jBytes(), call(totalBytes), call(physicalBytes),
                ProcessMemory.residentKib(), ManagementFactory.getThreadMXBean().getThreadCount(), seconds);
    }

    private void print(Reading r) {
        out.printf(Locale.ROOT, "%5d %9s %10s %12s %9s %12s %17s %8s %8d %6.2f%n", r.run(), mib(r.heapBytes()),
                mib(r.heapCommittedBytes()), mib(r.nonHeapBytes()), mib(r.nd4jBytes()),
                mib(r.javacppTotalBytes()), mib(r.javacppPhysicalBytes()), ResultTable.mib(r.rssKib()),
                r.threads(), r.seconds());
        out.flush();
    }

    /**
     * Two full GCs {@value #SETTLE_MILLIS} ms apart: the first finds the arrays that are no longer reachable,
     * ND4J's deallocator threads then free their off-heap buffers (their references arrive on a queue), the second
     * collects the references themselves.
     */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(SETTLE_MILLIS);
        System.gc();
        Thread.sleep(SETTLE_MILLIS);
    }

    private HeapHistogram histogram() throws InterruptedException {
        settle();
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
