package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.internal.exec.TrialExecutor;

/**
 * A search section, checked: every problem is located at {@code $.search.<key>} or
 * {@code $.search.parameters['<path>']} and says how to fix it. The format is documented on
 * {@link org.cajal.experiments.Searches}.
 *
 * <p>Defaults: {@code method} is {@code grid} when every parameter can be listed (choices, range, or an interval
 * with a {@code count}), else {@code random}; {@code trials} is the number of grid points (grid) or 10 (random);
 * {@code parallel} one per core ({@link TrialExecutor#DEFAULT_PARALLEL}); {@code objective}
 * {@code validation_loss}; {@code goal} {@code min} when the objective's name contains loss, mse, mae, rmse or
 * error, else {@code max}; {@code seed} the pipeline's seed.
 */
public record SearchSpace(String method, int trials, int parallel, String objective, boolean minimise, long seed,
                          Map<String, Dimension> parameters, Map<String, Object> raw) {

    /** The trials a random search runs when the section names no budget. */
    public static final int DEFAULT_RANDOM_TRIALS = 10;

    static final Set<String> KEYS = Set.of("method", "trials", "parallel", "objective", "goal", "seed", "parameters");

    /** Thrown with all problems found. */
    public static final class Invalid extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Invalid(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Whether a larger value of this objective is worse (loss, mse, mae, rmse, error). */
    public static boolean lowerIsBetter(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.contains("loss") || n.contains("mse") || n.contains("mae") || n.contains("error");
    }

    /** The settings that identify the experiment (everything but {@code parallel}). */
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", method);
        s.put("trials", trials);
        s.put("objective", objective);
        s.put("goal", minimise ? "min" : "max");
        s.put("seed", seed);
        s.put("parameters", raw.get("parameters"));
        return s;
    }

    /**
     * Checks a search section.
     *
     * @param trialsOverride the budget from the command line or dialog (null: the section's)
     * @param parallelOverride trials at once from the command line or dialog (null: the section's)
     */
    public static SearchSpace parse(Map<String, Object> search, Integer trialsOverride, Integer parallelOverride,
                                    long pipelineSeed) throws Invalid {
        if (search == null || search.isEmpty()) {
            throw new Invalid(List.of(new Problem("$.search", "the pipeline has no search section; add one like "
                    + "\"search\": {\"method\": \"random\", \"trials\": 20, \"parameters\": "
                    + "{\"training.optimizer.params.learningRate\": {\"logUniform\": [0.0001, 0.1]}}}")));
        }
        List<Problem> problems = new ArrayList<>();
        for (String key : search.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(new Problem("$.search." + key, "unknown key; the search section takes method, trials,"
                        + " parallel, objective, goal, seed and parameters"));
            }
        }
        Map<String, Dimension> dims = parameters(search.get("parameters"), problems);
        String method = method(search.get("method"), dims, problems);
        Integer trials = count(trialsOverride, search.get("trials"), "--trials", "$.search.trials",
                "the number of trials (the budget)", problems);
        Integer parallel = count(parallelOverride, search.get("parallel"), "--parallel", "$.search.parallel",
                "trials run at once", problems);
        String objective = objective(search.get("objective"), problems);
        boolean minimise = minimise(search.get("goal"), objective, problems);
        long seed = pipelineSeed;
        Object sd = search.get("seed");
        if (sd instanceof Integer || sd instanceof Long) {
            seed = ((Number) sd).longValue();
        } else if (sd != null) {
            problems.add(new Problem("$.search.seed", "must be a whole number, got " + json(sd)));
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        int budget = trials != null ? trials : "grid".equals(method) ? gridSize(dims) : DEFAULT_RANDOM_TRIALS;
        return new SearchSpace(method, budget, parallel == null ? TrialExecutor.DEFAULT_PARALLEL : parallel,
                objective, minimise, seed, dims, new LinkedHashMap<>(search));
    }

    private static Map<String, Dimension> parameters(Object params, List<Problem> problems) {
        Map<String, Dimension> dims = new LinkedHashMap<>();
        if (!(params instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.add(new Problem("$.search.parameters", "needs at least one parameter, like "
                    + "\"parameters\": {\"model.layers[0].params.units\": {\"choices\": [4, 8, 16]}}"));
            return dims;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String path = String.valueOf(e.getKey());
            String where = "$.search.parameters['" + path + "']";
            try {
                JsonPath.parse(path);
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem(where, "not a parameter path: " + ex.getMessage()));
                continue;
            }
            Dimension d = DimensionParser.parse(e.getValue(), where, problems);
            if (d != null) {
                dims.put(path, d);
            }
        }
        return dims;
    }

    /** The method given, else grid when every dimension can be listed; a grid needs every one listable. */
    private static String method(Object m, Map<String, Dimension> dims, List<Problem> problems) {
        String method = null;
        if (m == null) {
            method = dims.values().stream().allMatch(Dimension::listable) ? "grid" : "random";
        } else if ("grid".equals(m) || "random".equals(m)) {
            method = (String) m;
        } else {
            problems.add(new Problem("$.search.method", "must be \"grid\" or \"random\", got " + json(m)));
        }
        if ("grid".equals(method)) {
            for (Map.Entry<String, Dimension> e : dims.entrySet()) {
                if (!e.getValue().listable()) {
                    problems.add(new Problem("$.search.parameters['" + e.getKey() + "']", "a grid search needs "
                            + "\"count\": n here (n evenly spaced values, both ends included), e.g. "
                            + "{\"logUniform\": [0.0001, 0.1], \"count\": 4}; or use \"method\": \"random\""));
                }
            }
        }
        return method;
    }

    /** A count from the command line or dialog when given (at least 1), else the section's. */
    private static Integer count(Integer override, Object value, String option, String where, String what,
                                 List<Problem> problems) {
        if (override == null) {
            return positive(value, where, what, problems);
        }
        if (override < 1) {
            problems.add(new Problem(option, "must be at least 1, got " + override));
        }
        return override;
    }

    private static String objective(Object o, List<Problem> problems) {
        if (o instanceof String s && !s.isBlank()) {
            return s;
        }
        if (o != null) {
            problems.add(new Problem("$.search.objective", "must be a metrics.csv column (validation_loss, "
                    + "validation_accuracy) or an evaluation.json key (accuracy, mse), got " + json(o)));
        }
        return "validation_loss";
    }

    private static boolean minimise(Object g, String objective, List<Problem> problems) {
        if ("min".equals(g) || "max".equals(g)) {
            return "min".equals(g);
        }
        if (g != null) {
            problems.add(new Problem("$.search.goal", "must be \"min\" or \"max\", got " + json(g)));
        }
        return lowerIsBetter(objective);
    }

    /** The number of points of the full grid (saturating at Integer.MAX_VALUE). */
    static int gridSize(Map<String, Dimension> dims) {
        long n = 1;
        for (Dimension d : dims.values()) {
            n = Math.min(Integer.MAX_VALUE, n * d.gridValues().size());
        }
        return (int) n;
    }

    private static Integer positive(Object value, String where, String what, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= 1
                && ((Number) value).longValue() <= 100_000) {
            return ((Number) value).intValue();
        }
        problems.add(new Problem(where, "must be a whole number from 1 (" + what + "), got " + json(value)));
        return null;
    }

    static String json(Object o) {
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }
}
