package org.cajal.bench.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code cajal bench}.
 *
 * @param cases the networks to measure, in order
 * @param epochs epochs per training (default 4); seconds per epoch is the median of epochs 2..N (all if N &lt; 3)
 * @param limit training examples read from the start of the train part; 0 = all 60,000 (the default)
 * @param repeats how many times each side trains each case, interleaved Cajal, DL4J, DL4J, Cajal, ... (default 1)
 * @param folder the Fashion-MNIST folder, for both sides (default Debian's /usr/share/datasets/fashion-mnist)
 * @param diagnose instead of the comparison, walk from the DL4J loop to the runtime's step by step ({@link Diagnosis})
 */
record BenchOptions(List<BenchCase> cases, int epochs, int limit, int repeats, Path folder, boolean diagnose) {

    static final Path DEFAULT_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    static final String USAGE = "usage: cajal bench [--case mlp|cnn|all] [--epochs N] [--limit N] [--repeats R]"
            + " [--folder DIR] [--diagnose]\n"
            + "  --case     which network: mlp (784-256-128-10), cnn (2 x conv5x5 + max-pool, dense 128) or all;"
            + " default all\n"
            + "  --epochs   epochs per training, default 4 (seconds per epoch: median of epochs 2..N)\n"
            + "  --limit    training examples (the first N of the train part), default all 60000\n"
            + "  --repeats  trainings per side, interleaved Cajal, DL4J, DL4J, Cajal, ...; default 1\n"
            + "  --folder   the Fashion-MNIST folder, default " + DEFAULT_FOLDER + "\n"
            + "  --diagnose instead: go from the plain DL4J loop to the runtime's one difference at a time";

    static BenchOptions parse(List<String> args) {
        List<BenchCase> cases = List.of(BenchCase.values());
        int epochs = 4;
        int limit = 0;
        int repeats = 1;
        Path folder = DEFAULT_FOLDER;
        boolean diagnose = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--case" -> cases = cases(value(args, ++i, a));
                case "--epochs" -> epochs = positive(value(args, ++i, a), a, 1000);
                case "--limit" -> limit = positive(value(args, ++i, a), a, Integer.MAX_VALUE);
                case "--repeats" -> repeats = positive(value(args, ++i, a), a, 100);
                case "--folder" -> folder = Path.of(value(args, ++i, a));
                case "--diagnose" -> diagnose = true;
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return new BenchOptions(cases, epochs, limit, repeats, folder, diagnose);
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
        throw new IllegalArgumentException("--case takes mlp, cnn or all, not '" + id + "'");
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
