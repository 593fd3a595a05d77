package org.cajal.bench.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One training of one network by one side.
 *
 * @param side {@code cajal}, {@code dl4j} or {@code pytorch}
 * @param repeat 1-based repeat number
 * @param epochSeconds wall-clock seconds of each epoch, in order
 * @param trainExamples examples trained on per epoch
 * @param parameters trainable parameters of the network
 * @param testAccuracy accuracy on the 10,000 images of the test part after the last epoch
 * @param peakRssKib peak resident size during this training in KiB, -1 unknown: for cajal and dl4j this JVM's
 *        {@code VmHWM} (see {@link ProcessMemory}), for pytorch the Python process's own {@code VmHWM}
 */
record Measurement(BenchCase benchCase, String side, int repeat, List<Double> epochSeconds, long trainExamples,
                   long parameters, double testAccuracy, long peakRssKib) {

    Measurement {
        epochSeconds = List.copyOf(epochSeconds);
    }

    /** The epochs that count: 2..N (the first warms up caches, JIT and workspaces), or all when N &lt; 3. */
    List<Double> countedEpochs() {
        return countedEpochs(epochSeconds);
    }

    static List<Double> countedEpochs(List<Double> epochs) {
        return epochs.size() < 3 ? epochs : epochs.subList(1, epochs.size());
    }

    double secondsPerEpoch() {
        return median(countedEpochs());
    }

    double samplesPerSecond() {
        return trainExamples / secondsPerEpoch();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
