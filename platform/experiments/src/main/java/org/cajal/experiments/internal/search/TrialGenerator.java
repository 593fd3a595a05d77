package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameter values of each trial. Grid: the cartesian product in a stable order (the first parameter changes
 * slowest, the last fastest, each in its listed order), cut to the budget. Random: {@code trials} independent
 * draws from a {@link SplittableRandom} seeded with the search seed, each trial drawing the parameters in their
 * listed order, so the same seed gives the same trials.
 */
public final class TrialGenerator {

    private TrialGenerator() {
    }

    /** The trials' parameter maps, in trial order. */
    public static List<Map<String, Object>> generate(SearchSpace space) {
        return "grid".equals(space.method()) ? grid(space.parameters(), space.trials())
                : random(space.parameters(), space.trials(), space.seed());
    }

    /** The first {@code limit} points of the grid. */
    public static List<Map<String, Object>> grid(Map<String, Dimension> dims, int limit) {
        List<String> paths = new ArrayList<>(dims.keySet());
        List<List<Object>> values = new ArrayList<>();
        for (String p : paths) {
            values.add(dims.get(p).gridValues());
        }
        List<Map<String, Object>> out = new ArrayList<>();
        int[] index = new int[paths.size()];
        while (out.size() < limit) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                point.put(paths.get(i), values.get(i).get(index[i]));
            }
            out.add(point);
            int i = paths.size() - 1;
            while (i >= 0) {
                index[i]++;
                if (index[i] < values.get(i).size()) {
                    break;
                }
                index[i] = 0;
                i--;
            }
            if (i < 0) {
                break;
            }
        }
        return out;
    }

    /** {@code count} seeded random draws. */
    public static List<Map<String, Object>> random(Map<String, Dimension> dims, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (Map.Entry<String, Dimension> e : dims.entrySet()) {
                point.put(e.getKey(), e.getValue().draw(random));
            }
            out.add(point);
        }
        return out;
    }
}
