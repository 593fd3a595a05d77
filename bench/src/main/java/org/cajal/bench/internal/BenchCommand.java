package org.cajal.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cajal.api.compute.ComputeBackend;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.launcher.spi.LauncherCommand;
import org.nd4j.linalg.dataset.DataSet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code cajal bench [--case mlp|cnn|all|loop] [--epochs N] [--limit N] [--repeats R] [--sides LIST] ...}: for each
 * case, trains the same network through Cajal's runtime, through plain DL4J — both in this one JVM, the only way
 * since ND4J's natives bind to one class loader per process — and through PyTorch in a child process
 * ({@link PythonSide}), the order of the sides rotating per repeat, and prints seconds per epoch, samples per
 * second, test accuracy, peak memory and the ratios Cajal/DL4J and Cajal/PyTorch. {@code --case loop} instead runs
 * one small pipeline many times and prints memory as it goes ({@link MemoryLoop}). A benchmark: it prints figures
 * and asserts nothing. {@code --case small} trains small dense networks and runs experiments ({@link SmallBench}).
 * Started by {@code bench/run.sh}, which drops this bundle into a temporary plugins folder.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=bench")
public class BenchCommand implements LauncherCommand {

    static final long SEED = 42;
    static final double LEARNING_RATE = 1e-3;
    static final int BATCH_SIZE = 128;

    @Reference
    PipelineFormat format;

    /** The executor is only active once ND4J is ready, so this is there too. */
    @Reference
    PipelineExecutor executor;

    /** The compute settings the report prints. */
    @Reference
    ComputeBackend backend;

    /** For {@code --diagnose}: the dataset and preprocessing services the pipeline uses, called directly. */
    @Reference(target = "(component.name=org.cajal.datasets.internal.FashionMnistDatasetProvider)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DatasetProvider fashionMnist;
    @Reference(target = "(component.name=org.cajal.preprocessing.internal.ImageScaleStep)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Preprocessor imageScale;

    /** For {@code --case small}: every installed dataset service, to read a pipeline's data for the other sides. */
    @Reference(service = DatasetProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    volatile List<DatasetProvider> datasets;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("cajal bench: " + e.getMessage());
            err.println(BenchOptions.USAGE);
            return 2;
        }
        if (options.small()) {
            out.println("cajal bench, " + now() + ": case small, " + options.repeats() + " repeat(s)");
            Settings.print(backend.info(), out);
            return new SmallBench(format, executor, () -> {
                List<DatasetProvider> now = datasets;
                return now == null ? List.of() : List.copyOf(now);
            }, options, out, err).run();
        }
        printHeader(options, out);
        return fashion(options, out, err);
    }

    private static String now() {
        return LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19);
    }

    /** What the Fashion-MNIST cases will run, the machine's settings and how peak RSS is measured. */
    private void printHeader(BenchOptions options, PrintStream out) {
        out.println("cajal bench, " + now()
                + ": " + (options.loop() ? "case loop (" + options.runs() + " runs of mlp)"
                : "cases " + options.cases().stream().map(BenchCase::id).collect(Collectors.joining(", "))
                + ", sides " + String.join(", ", options.sides()) + " (order rotating per repeat)")
                + ", " + options.epochs() + " epochs, " + (options.limit() > 0 ? options.limit() : "all")
                + " training examples, " + options.repeats() + " repeat(s), batch " + BATCH_SIZE + ", adam "
                + LEARNING_RATE + ", seed " + SEED + (options.runs(PythonSide.NAME) && !options.loop()
                ? ", pytorch " + options.threads() + " threads (" + options.python() + ")" : ""));
        Settings.print(backend.info(), out);
        out.println("peak RSS per training: " + (ProcessMemory.resetPeak()
                ? "VmHWM reset before each training (/proc/self/clear_refs), so it is that training's peak, "
                + "including what earlier trainings left resident in the JVM"
                : "cannot reset VmHWM here, so each figure is the process's peak so far"));
    }

    /** The Fashion-MNIST cases (mlp, cnn), the memory loop or the diagnosis. */
    private int fashion(BenchOptions options, PrintStream out, PrintStream err) throws InterruptedException {
        Path work = null;
        try {
            if (options.loop()) {
                new MemoryLoop(new CajalSide(format, executor, options.folder(), options.limit(), BATCH_SIZE,
                        options.engine()), out)
                        .run(BenchCase.MLP, options.runs(), options.epochs(), options.limit(), SEED, LEARNING_RATE);
                return 0;
            }
            TestSet test = TestSet.of(IdxImages.readPart(options.folder(), "t10k", 0));
            IdxImages train = IdxImages.readPart(options.folder(), "train", options.limit());
            Optional<PythonSide> pytorch = Optional.empty();
            if (options.runs(PythonSide.NAME) && !options.diagnose()) {
                work = Files.createTempDirectory("cajal-bench-pytorch-");
                pytorch = PythonSide.prepare(options.python(), options.folder(), options.limit(), options.threads(),
                        work, out);
            }
            for (BenchCase c : options.cases()) {
                out.println();
                if (options.diagnose()) {
                    diagnose(c, options, train, out, err);
                } else {
                    List<DataSet> firstBatch = new ArrayList<>(1);
                    ResultTable.print(c, runCase(c, options, train, test, pytorch, firstBatch, out, err), out);
                    if (!firstBatch.isEmpty()) {
                        new StepProfile(out).print(c, firstBatch.get(0), SEED, LEARNING_RATE);
                    }
                }
            }
            return 0;
        } catch (PipelineException e) {
            err.println("cajal bench: the Cajal pipeline failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cajal bench: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind: harmless
        }
    }

    private void diagnose(BenchCase c, BenchOptions options, IdxImages train, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        DatasetProvider dataset = fashionMnist;
        Preprocessor scale = imageScale;
        if (dataset == null || scale == null) {
            err.println("cajal bench --diagnose: needs the fashion-mnist dataset and image-scale services");
            return;
        }
        try {
            new Diagnosis(dataset, scale, options, out).run(c, train);
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("diagnosis failed: " + e, e);
        }
    }

    private List<Measurement> runCase(BenchCase c, BenchOptions options, IdxImages train, TestSet test,
                                      Optional<PythonSide> pytorch, List<DataSet> firstBatch, PrintStream out,
                                      PrintStream err)
            throws PipelineException, IOException, InterruptedException {
        CajalSide cajal = new CajalSide(format, executor, options.folder(), options.limit(), BATCH_SIZE,
                options.engine());
        Dl4jSide dl4j = options.runs(Dl4jSide.NAME) ? Dl4jSide.prepare(train, c.flatInput(), BATCH_SIZE) : null;
        if (dl4j != null) {
            firstBatch.add(dl4j.batches().get(0)); // for StepProfile, after the table
        }
        boolean pytorchFailed = false;
        List<Measurement> all = new ArrayList<>();
        for (int r = 1; r <= options.repeats(); r++) {
            // the order of the sides rotates from repeat to repeat: a drift during the process (heap growth,
            // the machine's other work) then weighs on all of them
            for (String side : options.order(r)) {
                System.gc();
                String load = ProcessMemory.loadAverage();
                Measurement m;
                switch (side) {
                    case CajalSide.NAME -> m = cajal.train(c, r, options.epochs(), SEED, LEARNING_RATE, test);
                    case Dl4jSide.NAME -> m = dl4j.train(c, r, options.epochs(), SEED, LEARNING_RATE, test);
                    default -> {
                        if (pytorch.isEmpty() || pytorchFailed) {
                            continue;
                        }
                        try {
                            m = pytorch.get().train(c, r, options.epochs(), SEED, LEARNING_RATE, BATCH_SIZE);
                        } catch (IOException | IllegalArgumentException e) {
                            err.println("cajal bench: " + e.getMessage());
                            err.println("cajal bench: leaving the pytorch side out of the rest of this case");
                            pytorchFailed = true;
                            continue;
                        }
                    }
                }
                all.add(progress(m, load, out));
            }
        }
        pytorch.flatMap(PythonSide::describe).ifPresent(out::println);
        return all;
    }

    /** One line per training, with the machine's load average before and after it (2 cores: above 2 is contention). */
    private static Measurement progress(Measurement m, String loadBefore, PrintStream out) {
        out.printf(Locale.ROOT, "  %s %s #%d: epochs %s s, test accuracy %s, load average %s -> %s%n",
                m.benchCase().id(), m.side(), m.repeat(),
                m.epochSeconds().stream().map(s -> ResultTable.fmt(s, 2)).collect(Collectors.joining(" ")),
                ResultTable.fmt(m.testAccuracy(), 4), loadBefore, ProcessMemory.loadAverage());
        out.flush();
        return m;
    }
}
