package org.cajal.bench.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cajal.launcher.spi.CommandArguments;
import picocli.CommandLine.Option;

/**
 * The command line of {@code cajal bench}.
 *
 * @param cases the networks to measure, in order (for {@code --case loop}: the MLP)
 * @param epochs epochs per training (default 3; {@code loop}: 1); seconds per epoch is the median of epochs 2..N
 *        (all if N &lt; 3), the test accuracy is taken after epoch N
 * @param limit training examples read from the start of the train part; 0 = all 60,000 (the default; {@code loop}:
 *        2,000)
 * @param repeats how many times each side trains each case, the order of the sides rotating per repeat (default 1)
 * @param folder the Fashion-MNIST folder, for every side (default Debian's /usr/share/datasets/fashion-mnist)
 * @param diagnose instead of the comparison, walk from the DL4J loop to the runtime's step by step ({@link Diagnosis})
 * @param sides the sides to run, in the order of the first repeat (default cajal, dl4j, pytorch)
 * @param python the Python that runs the PyTorch side (default /usr/bin/python3)
 * @param threads PyTorch's intra- and inter-op threads (default: this process's OMP_NUM_THREADS, which bin/cajal
 *        sets to the core count, else the core count; {@code --case small}: 1)
 * @param loop {@code --case loop}: the memory loop ({@link MemoryLoop}) instead of the comparison
 * @param runs how many pipelines the memory loop runs (default 50)
 * @param small {@code --case small}: the small dense networks ({@link SmallBench}) instead of Fashion-MNIST
 * @param engine {@code --engine auto|dl4j|fused}: written as {@code training.engine} into every pipeline the Cajal
 *        side runs; empty (the default) leaves the key out, so the runtime's default applies
 * @param smallOptions what only {@code --case small} takes
 */
record BenchOptions(List<BenchCase> cases, int epochs, int limit, int repeats, Path folder, boolean diagnose,
                    List<String> sides, String python, int threads, boolean loop, int runs, boolean small,
                    Optional<String> engine, SmallOptions smallOptions) {

    /**
     * The options of {@code --case small}.
     *
     * @param workloads the workloads to train, in order (default all four)
     * @param experiments whether to run the repeats and search experiments afterwards (default yes)
     * @param times seeds in the repeats experiment (default 5)
     * @param trials trials of the random search; 0 (the default) takes the pipeline's search section's (8)
     * @param keep keep the temporary folder (pipelines, data, job files) and print where it is
     */
    record SmallOptions(List<SmallWorkload> workloads, boolean experiments, int times, int trials, boolean keep) {
        static final SmallOptions DEFAULT = new SmallOptions(List.of(SmallWorkload.values()), true,
                DEFAULT_TIMES, 0, false);
    }

    static final List<String> ENGINES = List.of("auto", "dl4j", "fused");
    static final int DEFAULT_TIMES = 5;

    static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    static final List<String> ALL_SIDES = List.of(CajalSide.NAME, Dl4jSide.NAME, PythonSide.NAME);
    static final int DEFAULT_EPOCHS = 3;
    static final int LOOP_EPOCHS = 1;
    static final int LOOP_LIMIT = 2000;
    static final int DEFAULT_RUNS = 50;

    static final String USAGE = "usage: cajal bench [--case mlp|cnn|all|loop|small] [--epochs N] [--limit N]"
            + " [--repeats R] [--sides LIST] [--python PATH] [--threads N] [--runs N] [--folder DIR] [--diagnose]"
            + " [--engine auto|dl4j|fused] [--workloads LIST] [--no-experiments] [--times N] [--trials N] [--keep]\n"
            + "  --case     which network: mlp (784-256-128-10), cnn (2 x conv5x5 + max-pool, dense 128), all (both);"
            + " or loop: the MLP pipeline run --runs times through Cajal's runtime, memory printed as it goes;"
            + " or small: small dense networks (" + String.join(", ", SmallWorkload.ids()) + "), one thread per"
            + " side, then a repeats experiment and a random search; default all\n"
            + "  --epochs   epochs per training, default " + DEFAULT_EPOCHS + " (s/epoch: median of epochs 2..N;"
            + " test accuracy after epoch N); loop: " + LOOP_EPOCHS + "\n"
            + "  --limit    training examples (the first N of the train part), default all 60000; loop: "
            + LOOP_LIMIT + "\n"
            + "  --repeats  trainings per side, the order of the sides rotating per repeat; default 1\n"
            + "  --sides    comma-separated, of cajal, dl4j, pytorch; default all three\n"
            + "  --python   the Python with PyTorch for the pytorch side, default " + DEFAULT_PYTHON + "\n"
            + "  --threads  PyTorch's threads, default OMP_NUM_THREADS (bin/cajal sets it to the core count)\n"
            + "  --runs     pipelines the memory loop runs, default " + DEFAULT_RUNS + "\n"
            + "  --folder   the Fashion-MNIST folder, default " + DEFAULT_FOLDER + "\n"
            + "  --diagnose instead: go from the plain DL4J loop to the runtime's one difference at a time\n"
            + "  --engine   writes training.engine (auto, dl4j or fused) into the Cajal side's pipelines; default:"
            + " left out\n"
            + "  small only: --workloads LIST (default all), --no-experiments, --times N seeds of the repeats"
            + " experiment (" + DEFAULT_TIMES + "), --trials N of the search (default: the pipeline's), --keep"
            + " (keep the temporary folder); --threads defaults to 1 there";

    /** Parses with this process's OMP_NUM_THREADS and core count as the default for {@code --threads}. */
    static BenchOptions parse(List<String> args) {
        return parse(args, defaultThreads(System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().availableProcessors()));
    }

    /** The command line as picocli reads it, before the checks that relate options to each other. */
    static final class Arguments {
        @Option(names = "--case") String caseId = "all";
        @Option(names = "--epochs") Integer epochs;
        @Option(names = "--limit") Integer limit;
        @Option(names = "--repeats") int repeats = 1;
        @Option(names = "--folder") Path folder = DEFAULT_FOLDER;
        @Option(names = "--diagnose") boolean diagnose;
        @Option(names = "--sides") String sides;
        @Option(names = "--python") String python = DEFAULT_PYTHON;
        @Option(names = "--threads") Integer threads;
        @Option(names = "--runs") int runs = DEFAULT_RUNS;
        @Option(names = "--engine") String engine;
        @Option(names = "--workloads") String workloads;
        @Option(names = "--no-experiments") boolean noExperiments;
        @Option(names = "--times") Integer times;
        @Option(names = "--trials") Integer trials;
        @Option(names = "--keep") boolean keep;

        /** The options given that only {@code --case small} takes. */
        List<String> smallOnly() {
            List<String> given = new ArrayList<>();
            if (workloads != null) {
                given.add("--workloads");
            }
            if (noExperiments) {
                given.add("--no-experiments");
            }
            if (times != null) {
                given.add("--times");
            }
            if (trials != null) {
                given.add("--trials");
            }
            if (keep) {
                given.add("--keep");
            }
            return given;
        }
    }

    static BenchOptions parse(List<String> args, int defaultThreads) {
        Arguments a = CommandArguments.parse(new Arguments(), args);
        boolean loop = a.caseId.equals("loop");
        boolean small = a.caseId.equals("small");
        List<BenchCase> cases = loop ? List.of(BenchCase.MLP) : small ? List.of() : cases(a.caseId);
        List<String> smallOnly = a.smallOnly();
        if (!small && !smallOnly.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", smallOnly) + " only go" + (smallOnly.size() == 1
                    ? "es" : "") + " with --case small");
        }
        if (small && (a.diagnose || a.epochs != null || a.limit != null)) {
            throw new IllegalArgumentException("--case small takes its epochs and data from the pipelines: no"
                    + " --epochs, --limit or --diagnose");
        }
        if (loop && a.diagnose) {
            throw new IllegalArgumentException("--diagnose does not go with --case loop: pick one");
        }
        SmallOptions smallOptions = new SmallOptions(a.workloads != null ? workloads(a.workloads)
                : SmallOptions.DEFAULT.workloads(), !a.noExperiments,
                a.times != null ? within(a.times, "--times", 1000) : DEFAULT_TIMES,
                a.trials != null ? within(a.trials, "--trials", 1000) : 0, a.keep);
        int epochs = a.epochs != null ? within(a.epochs, "--epochs", 1000) : loop ? LOOP_EPOCHS : DEFAULT_EPOCHS;
        int limit = a.limit != null ? within(a.limit, "--limit", Integer.MAX_VALUE) : loop ? LOOP_LIMIT : 0;
        int threads = a.threads != null ? within(a.threads, "--threads", 1024) : small ? 1 : defaultThreads;
        return new BenchOptions(cases, epochs, limit, within(a.repeats, "--repeats", 100), a.folder, a.diagnose,
                a.sides != null ? sides(a.sides) : ALL_SIDES, a.python, threads, loop,
                within(a.runs, "--runs", 10_000), small, Optional.ofNullable(a.engine).map(BenchOptions::engine),
                smallOptions);
    }

    private static String engine(String id) {
        if (!ENGINES.contains(id)) {
            throw new IllegalArgumentException("--engine takes " + String.join(", ", ENGINES) + ", not '" + id + "'");
        }
        return id;
    }

    private static List<SmallWorkload> workloads(String list) {
        List<SmallWorkload> workloads = new ArrayList<>();
        for (String s : list.split(",")) {
            SmallWorkload w;
            try {
                w = SmallWorkload.byId(s.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--workloads: " + e.getMessage());
            }
            if (workloads.contains(w)) {
                throw new IllegalArgumentException("--workloads names " + w.id() + " twice");
            }
            workloads.add(w);
        }
        return List.copyOf(workloads);
    }

    /** {@code OMP_NUM_THREADS} when it is a positive whole number, else the core count. */
    static int defaultThreads(String ompNumThreads, int cores) {
        if (ompNumThreads != null) {
            try {
                int n = Integer.parseInt(ompNumThreads.strip());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // OpenMP also accepts lists such as "2,1"; fall back to the core count
            }
        }
        return Math.max(1, cores);
    }

    boolean runs(String side) {
        return sides.contains(side);
    }

    /**
     * The order of the sides in one repeat: {@link #sides} rotated left by {@code repeat - 1}, so that with three
     * sides each one goes first, second and third once every three repeats and a drift over the process's life
     * (heap growth, the machine's other work) weighs on all of them.
     */
    List<String> order(int repeat) {
        List<String> order = new ArrayList<>();
        for (int k = 0; k < sides.size(); k++) {
            order.add(sides.get((k + repeat - 1) % sides.size()));
        }
        return order;
    }

    private static List<BenchCase> cases(String id) {
        if (id.equals("all")) {
            return List.of(BenchCase.values());
        }
        for (BenchCase c : BenchCase.values()) {
            if (c.id().equals(id)) {
                return List.of(c);
            }
        }
        throw new IllegalArgumentException("--case takes mlp, cnn, all, loop or small, not '" + id + "'");
    }

    private static List<String> sides(String list) {
        List<String> sides = new ArrayList<>();
        for (String s : list.split(",")) {
            String side = s.strip();
            if (!ALL_SIDES.contains(side)) {
                throw new IllegalArgumentException("--sides takes a comma-separated list of " + String.join(", ", ALL_SIDES)
                        + ", not '" + side + "'");
            }
            if (sides.contains(side)) {
                throw new IllegalArgumentException("--sides names " + side + " twice");
            }
            sides.add(side);
        }
        return List.copyOf(sides);
    }

    private static int within(int n, String option, int max) {
        if (n < 1 || n > max) {
            throw new IllegalArgumentException(option + " must be between 1 and " + max + ", not " + n);
        }
        return n;
    }
}
