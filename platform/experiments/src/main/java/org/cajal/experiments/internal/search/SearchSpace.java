package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cajal.api.pipeline.Problem;

/**
 * A search section, checked: every problem is located at {@code $.search.<key>} or
 * {@code $.search.parameters['<path>']} and says how to fix it. The format is documented on
 * {@link org.cajal.experiments.Searches}.
 *
 * <p>Defaults: {@code method} is {@code grid} when every parameter can be listed (choices, range, or an interval
 * with a {@code count}), else {@code random}; {@code trials} is the number of grid points (grid) or 10 (random);
 * {@code parallel} one per core ({@link org.cajal.experiments.internal.exec.TrialExecutor#DEFAULT_PARALLEL}); {@code objective} {@code validation_loss}; {@code goal} {@code min} when the objective's
 * name contains loss, mse, mae, rmse or error, else {@code max}; {@code seed} the pipeline's seed.
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
        List<Problem> problems = new ArrayList<>();
        if (search == null || search.isEmpty()) {
            throw new Invalid(List.of(new Problem("$.search", "the pipeline has no search section; add one like "
                    + "\"search\": {\"method\": \"random\", \"trials\": 20, \"parameters\": "
                    + "{\"training.optimizer.params.learningRate\": {\"logUniform\": [0.0001, 0.1]}}}")));
        }
        for (String key : search.keySet()) {
            if (!KEYS.contains(key)) {
                problems.add(new Problem("$.search." + key, "unknown key; the search section takes method, trials,"
                        + " parallel, objective, goal, seed and parameters"));
            }
        }
        Map<String, Dimension> dims = new LinkedHashMap<>();
        Object params = search.get("parameters");
        if (!(params instanceof Map<?, ?> map) || map.isEmpty()) {
            problems.add(new Problem("$.search.parameters", "needs at least one parameter, like "
                    + "\"parameters\": {\"model.layers[0].params.units\": {\"choices\": [4, 8, 16]}}"));
        } else {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String path = String.valueOf(e.getKey());
                String where = "$.search.parameters['" + path + "']";
                try {
                    JsonPath.parse(path);
                } catch (IllegalArgumentException ex) {
                    problems.add(new Problem(where, "not a parameter path: " + ex.getMessage()));
                    continue;
                }
                Dimension d = dimension(e.getValue(), where, problems);
                if (d != null) {
                    dims.put(path, d);
                }
            }
        }
        String method = null;
        Object m = search.get("method");
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
        Integer trials = trialsOverride != null ? trialsOverride
                : positive(search.get("trials"), "$.search.trials", "the number of trials (the budget)", problems);
        if (trialsOverride != null && trialsOverride < 1) {
            problems.add(new Problem("--trials", "must be at least 1, got " + trialsOverride));
        }
        Integer parallel = parallelOverride != null ? parallelOverride
                : positive(search.get("parallel"), "$.search.parallel", "trials run at once", problems);
        if (parallelOverride != null && parallelOverride < 1) {
            problems.add(new Problem("--parallel", "must be at least 1, got " + parallelOverride));
        }
        Object o = search.get("objective");
        String objective = "validation_loss";
        if (o instanceof String s && !s.isBlank()) {
            objective = s;
        } else if (o != null) {
            problems.add(new Problem("$.search.objective", "must be a metrics.csv column (validation_loss, "
                    + "validation_accuracy) or an evaluation.json key (accuracy, mse), got " + json(o)));
        }
        boolean minimise = lowerIsBetter(objective);
        Object g = search.get("goal");
        if ("min".equals(g) || "max".equals(g)) {
            minimise = "min".equals(g);
        } else if (g != null) {
            problems.add(new Problem("$.search.goal", "must be \"min\" or \"max\", got " + json(g)));
        }
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
        return new SearchSpace(method, budget,
                parallel == null ? org.cajal.experiments.internal.exec.TrialExecutor.DEFAULT_PARALLEL : parallel, objective, minimise, seed,
                dims, new LinkedHashMap<>(search));
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

    private static Dimension dimension(Object spec, String where, List<Problem> problems) {
        if (!(spec instanceof Map<?, ?> map)) {
            problems.add(new Problem(where, "must be an object: {\"choices\": [...]}, {\"range\": [from, to], "
                    + "\"step\": s}, {\"uniform\": [a, b]} or {\"logUniform\": [a, b]}; got " + json(spec)));
            return null;
        }
        List<String> kinds = new ArrayList<>();
        for (String k : List.of("choices", "range", "uniform", "logUniform")) {
            if (map.containsKey(k)) {
                kinds.add(k);
            }
        }
        for (Object k : map.keySet()) {
            if (!Set.of("choices", "range", "uniform", "logUniform", "step", "count").contains(k)) {
                problems.add(new Problem(where, "unknown key '" + k + "'; use choices, range (with step), uniform "
                        + "or logUniform (with count for a grid)"));
                return null;
            }
        }
        if (kinds.size() != 1) {
            problems.add(new Problem(where, kinds.isEmpty()
                    ? "says nothing about the values; use {\"choices\": [...]}, {\"range\": [from, to]}, "
                    + "{\"uniform\": [a, b]} or {\"logUniform\": [a, b]}"
                    : "has both " + kinds.get(0) + " and " + kinds.get(1) + "; keep one"));
            return null;
        }
        String kind = kinds.get(0);
        if (map.containsKey("step") && !"range".equals(kind)) {
            problems.add(new Problem(where, "\"step\" goes with \"range\" only; for " + kind
                    + " use \"count\" (grid values)"));
            return null;
        }
        if (map.containsKey("count") && !("uniform".equals(kind) || "logUniform".equals(kind))) {
            problems.add(new Problem(where, "\"count\" goes with \"uniform\" and \"logUniform\" only"));
            return null;
        }
        Object v = map.get(kind);
        switch (kind) {
            case "choices" -> {
                if (!(v instanceof List<?> list) || list.isEmpty()) {
                    problems.add(new Problem(where, "\"choices\" must be a non-empty list, like [4, 8, 16]"));
                    return null;
                }
                return new Dimension.Choices(List.copyOf(new ArrayList<Object>(list)));
            }
            case "range" -> {
                if (!(v instanceof List<?> list) || list.size() != 2 || !whole(list.get(0)) || !whole(list.get(1))) {
                    problems.add(new Problem(where, "\"range\" must be two whole numbers [from, to], both included,"
                            + " like [10, 50]; for fractions use \"uniform\""));
                    return null;
                }
                long from = ((Number) list.get(0)).longValue();
                long to = ((Number) list.get(1)).longValue();
                Object st = map.get("step");
                long step = 1;
                if (st != null) {
                    if (!whole(st) || ((Number) st).longValue() < 1) {
                        problems.add(new Problem(where, "\"step\" must be a whole number from 1, got " + json(st)));
                        return null;
                    }
                    step = ((Number) st).longValue();
                }
                if (from > to) {
                    problems.add(new Problem(where, "\"range\" goes from " + from + " down to " + to
                            + "; write the smaller number first"));
                    return null;
                }
                if ((to - from) % step != 0) {
                    problems.add(new Problem(where, "steps of " + step + " from " + from + " do not reach " + to
                            + " (both ends are included); make " + to + " − " + from + " a multiple of the step"));
                    return null;
                }
                return new Dimension.IntRange(from, to, step);
            }
            default -> {
                boolean log = "logUniform".equals(kind);
                if (!(v instanceof List<?> list) || list.size() != 2 || !(list.get(0) instanceof Number)
                        || !(list.get(1) instanceof Number)) {
                    problems.add(new Problem(where, "\"" + kind + "\" must be two numbers [low, high], like "
                            + (log ? "[0.0001, 0.1]" : "[0.0, 0.5]")));
                    return null;
                }
                double low = ((Number) list.get(0)).doubleValue();
                double high = ((Number) list.get(1)).doubleValue();
                if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                    problems.add(new Problem(where, "\"" + kind + "\" needs low < high, got [" + low + ", " + high
                            + "]; for one value use {\"choices\": [" + low + "]}"));
                    return null;
                }
                if (log && low <= 0) {
                    problems.add(new Problem(where, "\"logUniform\" needs numbers above 0 (it spreads values over "
                            + "orders of magnitude), got " + low + "; use \"uniform\" for ranges that include 0"));
                    return null;
                }
                int count = 0;
                Object c = map.get("count");
                if (c != null) {
                    if (!whole(c) || ((Number) c).longValue() < 2 || ((Number) c).longValue() > 1000) {
                        problems.add(new Problem(where, "\"count\" must be a whole number from 2 (grid values "
                                + "including both ends), got " + json(c)));
                        return null;
                    }
                    count = ((Number) c).intValue();
                }
                return new Dimension.Interval(low, high, log, count);
            }
        }
    }

    private static boolean whole(Object o) {
        return o instanceof Integer || o instanceof Long
                || (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15);
    }

    private static String json(Object o) {
        return o instanceof String s ? "\"" + s + "\"" : String.valueOf(o);
    }
}
