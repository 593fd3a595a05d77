package org.cajal.experiments.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** One searched parameter's values: listed choices, an integer range, or a uniform or log-uniform interval. */
public sealed interface Dimension {

    /** Whether a grid can list the values (choices, ranges, intervals with a count). */
    boolean listable();

    /** The grid's values, in order. */
    List<Object> gridValues();

    /** One random draw. */
    Object draw(SplittableRandom random);

    /** {@code {"choices": [...]}}: any JSON values. */
    record Choices(List<Object> values) implements Dimension {

        public boolean listable() {
            return true;
        }

        public List<Object> gridValues() {
            return values;
        }

        public Object draw(SplittableRandom random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /** {@code {"range": [from, to], "step": s}}: whole numbers from, from + s, ..., to. */
    record IntRange(long from, long to, long step) implements Dimension {

        public boolean listable() {
            return true;
        }

        public List<Object> gridValues() {
            List<Object> out = new ArrayList<>();
            for (long v = from; v <= to; v += step) {
                out.add(v);
            }
            return out;
        }

        public Object draw(SplittableRandom random) {
            long count = (to - from) / step + 1;
            return from + step * random.nextLong(count);
        }
    }

    /**
     * {@code {"uniform": [a, b]}} or {@code {"logUniform": [a, b]}}; a grid takes {@code count} values, evenly
     * (or, log-uniform, geometrically) spaced, both ends included.
     *
     * @param count grid values; 0 when not given
     */
    record Interval(double low, double high, boolean log, int count) implements Dimension {

        public boolean listable() {
            return count >= 2;
        }

        public List<Object> gridValues() {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                double t = (double) i / (count - 1);
                double v = i == 0 ? low : i == count - 1 ? high
                        : log ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
                        : low + t * (high - low);
                out.add(v);
            }
            return out;
        }

        public Object draw(SplittableRandom random) {
            double u = random.nextDouble();
            return log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        }
    }
}
