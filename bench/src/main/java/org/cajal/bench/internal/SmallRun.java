package org.cajal.bench.internal;

/**
 * One training of a small network by one side.
 *
 * @param workload the workload's id ({@code xor}, {@code survey}, ...)
 * @param side {@code cajal}, {@code dl4j} or {@code pytorch}
 * @param repeat 1-based repeat number
 * @param seed the seed it trained with
 * @param parameters trainable parameters
 * @param steps optimizer steps (mini-batches) over all epochs
 * @param trainSeconds seconds of the training loop: every epoch's batches and its validation pass (Cajal: the
 *        time since training began at the last epoch's end, as the runtime reports it; DL4J: {@code nanoTime}
 *        around the loop; PyTorch: {@code perf_counter} around it)
 * @param processSeconds the whole process's wall time from launch to exit, NaN where there is none (DL4J runs
 *        inside this JVM)
 * @param testMetric {@code accuracy} or {@code mse}
 * @param testValue its value on the test part after the last epoch
 */
record SmallRun(String workload, String side, int repeat, long seed, long parameters, long steps,
                double trainSeconds, double processSeconds, String testMetric, double testValue) {

    double stepsPerSecond() {
        return steps / trainSeconds;
    }

    /** The same training with the wall time of a separate whole-process run of it. */
    SmallRun withProcessSeconds(double seconds) {
        return new SmallRun(workload, side, repeat, seed, parameters, steps, trainSeconds, seconds, testMetric,
                testValue);
    }
}
