package org.cajal.experiments.internal.exec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.cajal.experiments.Cluster;
import org.cajal.experiments.Experiment;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Trial;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.runfolder.CsvTable;
import org.osgi.framework.BundleContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * What the experiment commands (search, sweep, repeat, compare) share: the default runs folder (framework
 * property {@code cajal.runs}, else ~/.cajal/runs), pipeline files found relative to the distribution folder
 * (framework property {@code cajal.home}) as {@code cajal run} finds them, argument parsing, progress lines.
 */
public final class CommandSupport {

    /** The option naming a Spark master: the trials run there ({@code docs/spark.md}). */
    public static final String SPARK = "--spark";
    /** A Spark setting, {@code key=value}; repeatable. */
    public static final String SPARK_CONF = "--spark-conf";
    /** The usage lines of {@link #SPARK} and {@link #SPARK_CONF}. */
    public static final String SPARK_USAGE =
            "  --spark MASTER     run the trials on Apache Spark: local[N], spark://host:7077, yarn, k8s://...\n"
            + "                     (then Spark's cores decide how many run at once; docs/spark.md)\n"
            + "  --spark-conf K=V   a Spark setting, e.g. spark.executor.memory=4g (repeatable)\n";

    private final Path defaultRuns;
    private final Path home;

    /** Reads the properties ({@link CajalProperties}; context may be null outside OSGi: system properties). */
    public CommandSupport(BundleContext context) {
        defaultRuns = CajalProperties.runsDirectory(context == null ? System::getProperty : context::getProperty);
        home = context == null ? null : CajalProperties.home(context::getProperty);
    }

    /** For tests: explicit folders. */
    public CommandSupport(Path defaultRuns, Path home) {
        this.defaultRuns = defaultRuns;
        this.home = home;
    }

    public Path defaultRuns() {
        return defaultRuns;
    }

    /** The file as given, or (a relative path that does not exist here) the same path in the distribution folder. */
    public Path locate(Path file) {
        if (home == null || file.isAbsolute() || Files.exists(file)) {
            return file;
        }
        Path shipped = home.resolve(file);
        return Files.exists(shipped) ? shipped : file;
    }

    /**
     * Parsed arguments: positional ones and option values. A usage error is an IllegalArgumentException.
     *
     * @param repeated the values of options that may be given more than once ({@link #SPARK_CONF}), in order
     */
    public record Args(List<String> positional, Map<String, String> options, Map<String, List<String>> repeated) {

        public Args(List<String> positional, Map<String, String> options) {
            this(positional, options, Map.of());
        }

        /**
         * @param known the options that take a value ({@code --out}, ...); with {@link #SPARK}, {@link #SPARK_CONF}
         *              is known too, and may be repeated
         */
        public static Args parse(List<String> args, Set<String> known) {
            CommandSpec spec = CommandSpec.create();
            known.stream().sorted().forEach(o -> spec.addOption(OptionSpec.builder(o).type(String.class).build()));
            if (known.contains(SPARK)) {
                spec.addOption(OptionSpec.builder(SPARK_CONF).type(List.class).auxiliaryTypes(String.class)
                        .arity("1").build());
            }
            spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(List.class)
                    .auxiliaryTypes(String.class).build());
            ParseResult parsed = CommandArguments.parse(spec, args);
            Map<String, String> options = new LinkedHashMap<>();
            Map<String, List<String>> repeated = new LinkedHashMap<>();
            for (OptionSpec o : parsed.matchedOptions()) {
                if (o.longestName().equals(SPARK_CONF)) {
                    repeated.put(SPARK_CONF, List.copyOf(o.<List<String>>getValue()));
                } else {
                    options.put(o.longestName(), o.getValue());
                }
            }
            List<String> positional = parsed.hasMatchedPositional(0)
                    ? parsed.matchedPositional(0).getValue() : List.of();
            return new Args(List.copyOf(positional), options, repeated);
        }

        /**
         * The Spark cluster of {@link #SPARK} and {@link #SPARK_CONF}, or null when {@code --spark} is not given.
         *
         * @throws IllegalArgumentException for a setting that is not {@code spark.key=value}, or settings without
         *                                  a master
         */
        public Cluster cluster() {
            List<String> settings = repeated.getOrDefault(SPARK_CONF, List.of());
            String master = options.get(SPARK);
            if (master == null) {
                if (!settings.isEmpty()) {
                    throw new IllegalArgumentException(SPARK_CONF + " needs " + SPARK + " MASTER too (e.g. "
                            + SPARK + " local[4] or " + SPARK + " spark://host:7077)");
                }
                return null;
            }
            Map<String, String> conf = new LinkedHashMap<>();
            for (String setting : settings) {
                int eq = setting.indexOf('=');
                if (eq <= 0 || eq == setting.length() - 1) {
                    throw new IllegalArgumentException(SPARK_CONF + " needs key=value, e.g. spark.executor.memory=4g;"
                            + " got '" + setting + "'");
                }
                String key = setting.substring(0, eq).trim();
                if (!key.startsWith("spark.")) {
                    throw new IllegalArgumentException(SPARK_CONF + ": '" + key + "' is not a Spark setting (their"
                            + " names start with spark., e.g. spark.executor.memory=4g)");
                }
                conf.put(key, setting.substring(eq + 1).trim());
            }
            return new Cluster(master.trim(), conf);
        }

        /** A whole-number option from {@code min}; null when absent. */
        public Integer integer(String option, int min) {
            String v = options.get(option);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min) {
                    throw new IllegalArgumentException(option + " must be at least " + min + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'");
            }
        }

        /** A long option; null when absent. */
        public Long whole(String option) {
            String v = options.get(option);
            if (v == null) {
                return null;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, got '" + v + "'");
            }
        }
    }

    /**
     * Prints one line per ended trial and the experiment's messages; a message identical to one already printed
     * (the same warning from every trial) is printed once.
     */
    public static ExperimentListener printer(PrintStream out) {
        return new ExperimentListener() {
            private volatile int total;
            private final java.util.Set<String> printed = java.util.concurrent.ConcurrentHashMap.newKeySet();

            @Override
            public void trialStarted(int trial, int trials, Map<String, Object> params, long seed) {
                total = trials;
            }

            @Override
            public void trialFinished(Trial t) {
                out.println(line(t, total));
            }

            @Override
            public void message(String text) {
                if (printed.add(text)) {
                    out.println(text);
                }
            }
        };
    }

    /** "trial 3/12 (total 0: unknown, when resuming)  lr=0.01  seed 42  finished  objective 0.1234  runs/…" */
    public static String line(Trial t, int total) {
        StringBuilder sb = new StringBuilder("trial ").append(t.number());
        if (total > 0) {
            sb.append('/').append(total);
        }
        if (!t.params().isEmpty()) {
            sb.append("  ");
            boolean first = true;
            for (Map.Entry<String, Object> e : t.params().entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(format(e.getValue()));
                first = false;
            }
        }
        sb.append("  seed ").append(t.seed()).append("  ").append(t.status());
        if (Double.isFinite(t.objective())) {
            sb.append("  objective ").append(format(t.objective()));
        }
        if (t.error() != null) {
            sb.append(": ").append(t.error());
        }
        return sb.toString();
    }

    /** Numbers with up to 4 significant digits (0.01, 0.1235, 1.5e-05), other values as they are. */
    public static String format(Object v) {
        if (v instanceof Double d) {
            if (!Double.isFinite(d)) {
                return "-";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e9) {
                return CsvTable.cell(d);
            }
            double abs = Math.abs(d);
            if (abs < 1e-4 || abs >= 1e7) {
                return String.format(Locale.ROOT, "%.3e", d);
            }
            return new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(v);
    }

    /**
     * Waits for the experiment; on interrupt (Ctrl-C) cancels it, waits for the runs to stop and rethrows.
     */
    public static List<Trial> await(Experiment experiment) throws InterruptedException {
        try {
            return experiment.done().get();
        } catch (InterruptedException e) {
            experiment.cancel();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Left-aligned text table: the first row is the header. */
    public static void table(List<List<String>> rows, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        int cols = rows.get(0).size();
        int[] width = new int[cols];
        for (List<String> r : rows) {
            for (int c = 0; c < cols && c < r.size(); c++) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder(" ");
            for (int c = 0; c < cols && c < r.size(); c++) {
                sb.append(' ').append(r.get(c)).append(" ".repeat(width[c] - r.get(c).length() + 1));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
