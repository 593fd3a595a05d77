package org.cajal.bench.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
 *        sets to the core count, else the core count)
 * @param loop {@code --case loop}: the memory loop ({@link MemoryLoop}) instead of the comparison
 * @param runs how many pipelines the memory loop runs (default 50)
 */
record BenchOptions(List<BenchCase> cases, int epochs, int limit, int repeats, Path folder, boolean diagnose,
                    List<String> sides, String python, int threads, boolean loop, int runs) {

    static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    static final List<String> ALL_SIDES = List.of(CajalSide.NAME, Dl4jSide.NAME, PythonSide.NAME);
    static final int DEFAULT_EPOCHS = 3;
    static final int LOOP_EPOCHS = 1;
    static final int LOOP_LIMIT = 2000;
    static final int DEFAULT_RUNS = 50;

    static final String USAGE = "usage: cajal bench [--case mlp|cnn|all|loop] [--epochs N] [--limit N] [--repeats R]"
            + " [--sides LIST] [--python PATH] [--threads N] [--runs N] [--folder DIR] [--diagnose]\n"
            + "  --case     which network: mlp (784-256-128-10), cnn (2 x conv5x5 + max-pool, dense 128), all (both);"
            + " or loop: the MLP pipeline run --runs times through Cajal's runtime, memory printed as it goes;"
            + " default all\n"
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
            + "  --diagnose instead: go from the plain DL4J loop to the runtime's one difference at a time";

    /** Parses with this process's OMP_NUM_THREADS and core count as the default for {@code --threads}. */
    static BenchOptions parse(List<String> args) {
        return parse(args, defaultThreads(System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().availableProcessors()));
    }

    static BenchOptions parse(List<String> args, int defaultThreads) {
        List<BenchCase> cases = List.of(BenchCase.values());
        Integer epochs = null;
        Integer limit = null;
        int repeats = 1;
        Path folder = DEFAULT_FOLDER;
        boolean diagnose = false;
        boolean loop = false;
        List<String> sides = ALL_SIDES;
        String python = DEFAULT_PYTHON;
        int threads = defaultThreads;
        int runs = DEFAULT_RUNS;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--case" -> {
                    String id = value(args, ++i, a);
                    loop = id.equals("loop");
                    cases = loop ? List.of(BenchCase.MLP) : cases(id);
                }
                case "--epochs" -> epochs = positive(value(args, ++i, a), a, 1000);
                case "--limit" -> limit = positive(value(args, ++i, a), a, Integer.MAX_VALUE);
                case "--repeats" -> repeats = positive(value(args, ++i, a), a, 100);
                case "--folder" -> folder = Path.of(value(args, ++i, a));
                case "--diagnose" -> diagnose = true;
                case "--sides" -> sides = sides(value(args, ++i, a));
                case "--python" -> python = value(args, ++i, a);
                case "--threads" -> threads = positive(value(args, ++i, a), a, 1024);
                case "--runs" -> runs = positive(value(args, ++i, a), a, 10_000);
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (loop && diagnose) {
            throw new IllegalArgumentException("--diagnose does not go with --case loop: pick one");
        }
        return new BenchOptions(cases, epochs != null ? epochs : loop ? LOOP_EPOCHS : DEFAULT_EPOCHS,
                limit != null ? limit : loop ? LOOP_LIMIT : 0, repeats, folder, diagnose, sides, python, threads,
                loop, runs);
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
        throw new IllegalArgumentException("--case takes mlp, cnn, all or loop, not '" + id + "'");
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

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static int positive(String text, String option, int max) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1 || n > max) {
                throw new IllegalArgumentException(option + " must be between 1 and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + text + "'");
        }
    }
}
