package org.cajal.bench.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A class histogram of this JVM's heap — what {@code jcmd PID GC.class_histogram} prints — taken in-process
 * through the HotSpot {@code DiagnosticCommand} MBean (which runs a full GC first, so only live objects count),
 * and the difference between two of them.
 *
 * @param classes instances and bytes per class name
 */
record HeapHistogram(Map<String, Entry> classes) {

    /** Instances and shallow bytes of one class. */
    record Entry(long instances, long bytes) {
    }

    /** One class's growth between two histograms. */
    record Growth(String className, long instances, long bytes) {
    }

    /**
     * Takes a histogram now.
     *
     * @throws JMException where the JVM has no DiagnosticCommand MBean (not HotSpot) or refuses the command
     */
    static HeapHistogram take() throws JMException {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        return parse(String.valueOf(text));
    }

    /**
     * Parses {@code GC.class_histogram}'s text: a header, then lines {@code "   1:   12345   678900  [B
     * (java.base@17)"} (rank, instances, bytes, class name, optionally its module), then a {@code Total} line.
     * Lines of another form are skipped; a class listed twice (same name from two class loaders — common in
     * OSGi) is summed.
     */
    static HeapHistogram parse(String text) {
        Map<String, Entry> classes = new HashMap<>();
        for (String line : text.split("\\R")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 4 || !f[0].endsWith(":")) {
                continue;
            }
            try {
                Integer.parseInt(f[0].substring(0, f[0].length() - 1));
                long instances = Long.parseLong(f[1]);
                long bytes = Long.parseLong(f[2]);
                classes.merge(f[3], new Entry(instances, bytes),
                        (a, b) -> new Entry(a.instances + b.instances, a.bytes + b.bytes));
            } catch (NumberFormatException e) {
                // not a class line
            }
        }
        return new HeapHistogram(Map.copyOf(classes));
    }

    /** Total bytes of every class. */
    long totalBytes() {
        return classes.values().stream().mapToLong(Entry::bytes).sum();
    }

    /**
     * The classes that grew most in bytes from {@code before} to this one, largest growth first; classes that
     * shrank or stayed are left out.
     */
    List<Growth> growthSince(HeapHistogram before, int top) {
        List<Growth> growth = new ArrayList<>();
        classes.forEach((name, now) -> {
            Entry then = before.classes.getOrDefault(name, new Entry(0, 0));
            if (now.bytes > then.bytes) {
                growth.add(new Growth(name, now.instances - then.instances, now.bytes - then.bytes));
            }
        });
        growth.sort(Comparator.comparingLong(Growth::bytes).reversed().thenComparing(Growth::className));
        return growth.subList(0, Math.min(top, growth.size()));
    }
}
