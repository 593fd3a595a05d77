package org.cajal.bench.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cajal.api.Parameters;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Examples;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.data.Preprocessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code cajal bench --diagnose}: walks from the plain DL4J loop to the runtime's, one difference at a time, to
 * show where the runtime's extra time per epoch goes. Every step trains its own copy of the network from the same
 * seed; the steps take turns epoch by epoch, and each reports its median seconds per epoch. Step 6 is what the
 * runtime could do instead (see bench/README.md). The batches come from the real {@code fashion-mnist} dataset and
 * {@code image-scale} services, loaded the way the runtime's {@code BatchLoader} and {@code PrefetchingBatches}
 * load them (read by shuffled index, scale, one-hot encode; on a helper thread while the previous batch trains).
 */
final class Diagnosis {

    private final DatasetProvider datasets;
    private final Preprocessor scaling;
    private final BenchOptions options;
    private final PrintStream out;

    Diagnosis(DatasetProvider datasets, Preprocessor scaling, BenchOptions options, PrintStream out) {
        this.datasets = datasets;
        this.scaling = scaling;
        this.options = options;
        this.out = out;
    }

    /** A way to produce one epoch's batches and train on them. */
    private interface EpochLoop {
        void epoch(MultiLayerNetwork network) throws Exception;
    }

    void run(BenchCase c, IdxImages train) throws Exception {
        Map<String, Object> raw = new java.util.HashMap<>();
        raw.put("folder", options.folder().toString());
        raw.put("part", "train");
        if (options.limit() > 0) {
            raw.put("limit", options.limit());
        }
        try (Dataset dataset = datasets.open(Parameters.resolve(datasets.descriptor(), raw, Path.of("")),
                BenchCommand.SEED)) {
            FittedTransform scale = scaling.fit(List.of(), dataset.schema(),
                    Parameters.defaults(scaling.descriptor()));
            Dl4jSide flat = Dl4jSide.prepare(train, c.flatInput(), BenchCommand.BATCH_SIZE);
            Dl4jSide images = Dl4jSide.prepare(train, false, BenchCommand.BATCH_SIZE);
            int[] order = new int[dataset.size()];
            Arrays.setAll(order, i -> i);
            Random shuffle = new Random(BenchCommand.SEED);
            BatchSource load = indices -> batch(dataset, scale, indices);
            loadOnly(dataset, scale, order, shuffle);
            INDArray allImages = Nd4j.vstack(flat.batches().stream().map(d -> d.getFeatures().reshape(
                    d.getFeatures().size(0), 28 * 28)).toArray(INDArray[]::new));
            INDArray allLabels = Nd4j.vstack(images.batches().stream().map(DataSet::getLabels)
                    .toArray(INDArray[]::new));
            long[] helperId = new long[1];
            ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bench-prefetch");
                t.setDaemon(true);
                helperId[0] = t.getId();
                return t;
            });
            List<Step> steps = new ArrayList<>(preMade(c, flat, images));
            steps.addAll(loaded(order, shuffle, load, helper));
            steps.add(gathered(order, shuffle, allImages, allLabels));
            try {
                interleave(c, steps);
                long cpu = ManagementFactory.getThreadMXBean().getThreadCpuTime(helperId[0]);
                out.printf(Locale.ROOT, "    step 5's helper thread used %.2f s of CPU per epoch%n",
                        cpu / 1e9 / options.epochs());
            } finally {
                helper.shutdownNow();
            }
        }
    }

    /** Steps 1 to 3: DL4J on batches made before training. */
    private static List<Step> preMade(BenchCase c, Dl4jSide flat, Dl4jSide images) {
        return List.of(
                new Step("1 dl4j: fit(iterator), pre-made batches" + (c.flatInput() ? " [n,784]" : ""),
                        c.flatInput(), net -> net.fit(flat.iterator())),
                new Step("2 fit(DataSet) per batch, pre-made batches", c.flatInput(), net -> {
                    for (DataSet d : flat.batches()) {
                        net.fit(d);
                    }
                }),
                new Step("3 as 2, image input [n,1,28,28]", false, net -> {
                    for (DataSet d : images.batches()) {
                        net.fit(d);
                    }
                }));
    }

    /** Steps 4 and 5: batches loaded from the dataset during training, on the training thread or ahead. */
    private static List<Step> loaded(int[] order, Random shuffle, BatchSource load, ExecutorService helper) {
        return List.of(
                new Step("4 as 3, batches loaded on the training thread", false, net -> {
                    int[] o = shuffled(order, shuffle);
                    for (int from = 0; from < o.length; from += BenchCommand.BATCH_SIZE) {
                        net.fit(load.load(slice(o, from)));
                    }
                }),
                new Step("5 as 4, loaded ahead on a helper thread (the runtime)", false, net -> {
                    int[] o = shuffled(order, shuffle);
                    Future<DataSet> next = helper.submit(() -> load.load(slice(o, 0)));
                    for (int from = 0; from < o.length; from += BenchCommand.BATCH_SIZE) {
                        DataSet d = next.get();
                        int after = from + BenchCommand.BATCH_SIZE;
                        next = after < o.length ? helper.submit(() -> load.load(slice(o, after))) : null;
                        net.fit(d);
                    }
                }));
    }

    /** Step 6: shuffled batches gathered from arrays scaled once. */
    private static Step gathered(int[] order, Random shuffle, INDArray allImages, INDArray allLabels) {
        return new Step("6 as 3, shuffled batches gathered from scaled arrays", false, net -> {
            int[] o = shuffled(order, shuffle);
            for (int from = 0; from < o.length; from += BenchCommand.BATCH_SIZE) {
                int[] rows = slice(o, from);
                INDArray x = Nd4j.pullRows(allImages, 1, rows).reshape(rows.length, 1, 28, 28);
                net.fit(new DataSet(x, Nd4j.pullRows(allLabels, 1, rows)));
            }
        });
    }

    /** One variant of the training loop, with its own network from the same seed. */
    private record Step(String name, boolean flat, EpochLoop loop) {
    }

    /** One epoch of every step in turn, epoch after epoch, so that the machine's slow spells hit every step alike. */
    private void interleave(BenchCase c, List<Step> steps) throws Exception {
        List<MultiLayerNetwork> networks = new ArrayList<>();
        List<List<Double>> seconds = new ArrayList<>();
        for (Step step : steps) {
            MultiLayerConfiguration conf = step.flat() ? c.dl4j(BenchCommand.SEED, BenchCommand.LEARNING_RATE)
                    : c.dl4j(BenchCommand.SEED, BenchCommand.LEARNING_RATE, InputType.convolutional(28, 28, 1));
            MultiLayerNetwork network = new MultiLayerNetwork(conf);
            network.init();
            networks.add(network);
            seconds.add(new ArrayList<>());
        }
        out.println("diagnosis, " + c.id() + ": one epoch of each step in turn, " + options.epochs() + " rounds");
        for (int e = 1; e <= options.epochs(); e++) {
            String load = ProcessMemory.loadAverage();
            for (int i = 0; i < steps.size(); i++) {
                System.gc();
                long t0 = System.nanoTime();
                steps.get(i).loop().epoch(networks.get(i));
                seconds.get(i).add((System.nanoTime() - t0) / 1e9);
            }
            out.printf(Locale.ROOT, "    round %d done, load average %s -> %s%n", e, load, ProcessMemory.loadAverage());
            out.flush();
        }
        double base = Measurement.median(Measurement.countedEpochs(seconds.get(0)));
        for (int i = 0; i < steps.size(); i++) {
            List<Double> s = seconds.get(i);
            double median = Measurement.median(Measurement.countedEpochs(s));
            out.printf(Locale.ROOT, "  %-56s %6s s/epoch  x%s   (epochs %s)%n", steps.get(i).name(),
                    ResultTable.fmt(median, 2), ResultTable.fmt(median / base, 3),
                    s.stream().map(v -> ResultTable.fmt(v, 2)).reduce((a, b) -> a + " " + b).orElse(""));
        }
    }

    private interface BatchSource {
        DataSet load(int[] indices) throws DatasetException;
    }

    /** What the runtime's BatchLoader does: read, preprocess, one-hot encode the labels (Labels.encode). */
    private static DataSet batch(Dataset dataset, FittedTransform scale, int[] indices) throws DatasetException {
        Examples e = scale.apply(dataset.read(indices));
        return new DataSet(e.features().castTo(DataType.FLOAT), encode(e.targets()));
    }

    /** Labels.encode for ten classes. */
    private static INDArray encode(INDArray targets) {
        float[] classes = targets.castTo(DataType.FLOAT).toFloatVector();
        float[] oneHot = new float[classes.length * 10];
        for (int i = 0; i < classes.length; i++) {
            oneHot[i * 10 + (int) classes[i]] = 1f;
        }
        return Nd4j.create(oneHot, new long[] {classes.length, 10}, DataType.FLOAT);
    }

    /**
     * Loads one epoch's batches without training, on this thread, timing the runtime's three parts separately:
     * {@code Dataset.read} (gather the bytes, make the float array), the image-scale transform, the label encoding.
     */
    private void loadOnly(Dataset dataset, FittedTransform scale, int[] order, Random shuffle) throws DatasetException {
        long[] nanos = new long[3];
        int batches = 0;
        for (int e = 0; e < 2; e++) { // the first pass warms up the JIT; the second is reported
            Arrays.fill(nanos, 0);
            batches = 0;
            shuffle(order, shuffle);
            for (int from = 0; from < order.length; from += BenchCommand.BATCH_SIZE) {
                long t0 = System.nanoTime();
                Examples raw = dataset.read(slice(order, from));
                long t1 = System.nanoTime();
                Examples scaled = scale.apply(raw);
                long t2 = System.nanoTime();
                encode(scaled.targets());
                nanos[0] += t1 - t0;
                nanos[1] += t2 - t1;
                nanos[2] += System.nanoTime() - t2;
                batches++;
            }
        }
        out.printf(Locale.ROOT, "    loading alone (no training, one thread): %.2f s per epoch = %.3f ms per batch:"
                        + " Dataset.read %.3f, image-scale %.3f, label encoding %.3f ms%n",
                (nanos[0] + nanos[1] + nanos[2]) / 1e9, (nanos[0] + nanos[1] + nanos[2]) / 1e6 / batches,
                nanos[0] / 1e6 / batches, nanos[1] / 1e6 / batches, nanos[2] / 1e6 / batches);
    }

    private static int[] slice(int[] order, int from) {
        return Arrays.copyOfRange(order, from, Math.min(order.length, from + BenchCommand.BATCH_SIZE));
    }

    /** The runtime's per-epoch Fisher-Yates shuffle, on a copy (each step keeps its own order). */
    private static int[] shuffled(int[] order, Random random) {
        int[] a = order.clone();
        shuffle(a, random);
        return a;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
