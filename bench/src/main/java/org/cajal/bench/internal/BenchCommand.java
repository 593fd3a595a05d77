package org.cajal.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.cajal.api.compute.ComputeBackend;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.launcher.spi.LauncherCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code cajal bench [--case mlp|cnn|all] [--epochs N] [--limit N] [--repeats R]}: for each case, trains the same
 * network through Cajal's runtime and through plain DL4J, interleaved (Cajal, DL4J, then DL4J, Cajal, ...) in this
 * one JVM — the only way, since ND4J's natives bind to one class loader per process — and prints seconds per epoch,
 * samples per second, test accuracy, peak memory and the Cajal/DL4J ratio. A benchmark: it prints figures and
 * asserts nothing. Started by {@code bench/run.sh}, which drops this bundle into a temporary plugins folder.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=bench")
public class BenchCommand implements LauncherCommand {

    static final long SEED = 42;
    static final double LEARNING_RATE = 1e-3;
    static final int BATCH_SIZE = 128;

    @Reference
    PipelineRunner runner;

    /** The runner is only active once ND4J is ready, so this is there too. */
    @Reference
    ComputeBackend backend;

    /** For {@code --diagnose}: the dataset and preprocessing services the pipeline uses, called directly. */
    @Reference(target = "(component.name=org.cajal.datasets.internal.FashionMnistDatasetProvider)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile DatasetProvider fashionMnist;
    @Reference(target = "(component.name=org.cajal.preprocessing.internal.ImageScaleStep)",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Preprocessor imageScale;

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
        out.println("cajal bench, " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19)
                + ": cases " + options.cases().stream().map(BenchCase::id).collect(Collectors.joining(", "))
                + ", " + options.epochs() + " epochs, " + (options.limit() > 0 ? options.limit() : "all")
                + " training examples, " + options.repeats() + " repeat(s), batch " + BATCH_SIZE + ", adam "
                + LEARNING_RATE + ", seed " + SEED);
        Settings.print(backend.info(), out);
        out.println("peak RSS per training: " + (ProcessMemory.resetPeak()
                ? "VmHWM reset before each training (/proc/self/clear_refs), so it is that training's peak, "
                + "including what earlier trainings left resident in the JVM"
                : "cannot reset VmHWM here, so each figure is the process's peak so far"));
        try {
            TestSet test = TestSet.of(IdxImages.readPart(options.folder(), "t10k", 0));
            IdxImages train = IdxImages.readPart(options.folder(), "train", options.limit());
            for (BenchCase c : options.cases()) {
                out.println();
                if (options.diagnose()) {
                    diagnose(c, options, train, out, err);
                } else {
                    ResultTable.print(c, runCase(c, options, train, test, out), out);
                }
            }
            return 0;
        } catch (PipelineException e) {
            err.println("cajal bench: the Cajal pipeline failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("cajal bench: " + e.getMessage());
            return 1;
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
                                      PrintStream out) throws PipelineException, IOException, InterruptedException {
        CajalSide cajal = new CajalSide(runner, options.folder(), options.limit(), BATCH_SIZE);
        Dl4jSide dl4j = Dl4jSide.prepare(train, c.flatInput(), BATCH_SIZE);
        List<Measurement> all = new ArrayList<>();
        for (int r = 1; r <= options.repeats(); r++) {
            // odd repeats Cajal first, even repeats DL4J first: a drift during the process (heap growth, the
            // machine's other work) then weighs on both sides alike
            boolean cajalFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                System.gc();
                String load = ProcessMemory.loadAverage();
                Measurement m = (k == 0) == cajalFirst
                        ? cajal.train(c, r, options.epochs(), SEED, LEARNING_RATE, test)
                        : dl4j.train(c, r, options.epochs(), SEED, LEARNING_RATE, test);
                all.add(progress(m, load, out));
            }
        }
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
