package org.cajal.explain.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.trained.TrainedRun;
import org.cajal.explain.onnx.ExportException;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A run's fitted preprocessing written out as plain numbers, so that another program can apply it: each numeric raw
 * feature maps affinely onto its input columns (standardising, min-max scaling), each categorical one onto its
 * columns by a table per category (one-hot, or the category index), and a missing cell is read as the fill value
 * fitted on the training rows. Found by probing the run's own preprocessing one feature at a time, then checked: the
 * map must give the run's own encoding of every row of its evaluated part, or the export is refused.
 *
 * @param constant input columns no raw feature sets, with their value (NaN for the others)
 */
public record PreprocessingMap(List<ColumnMap> columns, List<String> inputNames, double[] constant) {

    /** Relative tolerance of the linearity and replay checks (the preprocessing computes in single precision). */
    static final double TOLERANCE = 1e-4;

    /** The encoded row of a raw row. */
    public double[] apply(double[] raw) {
        double[] encoded = constant.clone();
        for (int j = 0; j < columns.size(); j++) {
            columns.get(j).apply(raw[j], encoded);
        }
        return encoded;
    }

    public static PreprocessingMap of(TrainedRun run) throws ExportException, DatasetException {
        DataSchema schema = run.schema();
        List<String> names = names(schema);
        double[] base = baseRow(run);
        double[] e0 = run.encode(new double[][] {base})[0];
        boolean[] owned = new boolean[e0.length];
        List<ColumnMap> columns = new ArrayList<>();
        for (int j = 0; j < base.length; j++) {
            String name = names.get(j);
            List<String> categories = schema.featureCategories().getOrDefault(name, List.of());
            ColumnMap c = categories.isEmpty() ? numeric(run, base, e0, j, name) : categorical(run, base, j, name,
                    categories);
            for (int o : c.outputs()) {
                if (owned[o]) {
                    throw new ExportException("input column " + run.encodedNames().get(o) + " depends on more than "
                            + "one raw feature, so the run's preprocessing cannot be written as a map per column");
                }
                owned[o] = true;
            }
            columns.add(c);
        }
        double[] constant = new double[e0.length];
        for (int o = 0; o < e0.length; o++) {
            constant[o] = owned[o] ? Double.NaN : e0[o];
        }
        List<String> inputs = run.encodedNames().size() == e0.length ? run.encodedNames() : positions(run
                .encodedNames().isEmpty() ? schema.featureShape() : List.of((long) e0.length));
        PreprocessingMap map = new PreprocessingMap(columns, inputs, constant);
        map.check(run);
        return map;
    }

    /** The raw features' names; for images and sequences their positions, e.g. {@code [0, 3, 4]}. */
    static List<String> names(DataSchema schema) {
        return schema.featureNames().isEmpty() ? positions(schema.featureShape()) : schema.featureNames();
    }

    private static List<String> positions(List<Long> shape) {
        long count = shape.stream().reduce(1L, (a, b) -> a * b);
        List<String> out = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long[] at = new long[shape.size()];
            long rest = i;
            for (int d = shape.size() - 1; d >= 0; d--) {
                at[d] = rest % shape.get(d);
                rest /= shape.get(d);
            }
            out.add(Arrays.toString(at));
        }
        return out;
    }

    /** A training row without missing cells, the point the probes start from. */
    private static double[] baseRow(TrainedRun run) throws DatasetException, ExportException {
        int[] train = run.rows(TrainedRun.TRAIN);
        int[] some = Arrays.copyOf(train, Math.min(train.length, 200));
        double[][] rows = run.read(some).features().castTo(DataType.DOUBLE).reshape(some.length, -1)
                .toDoubleMatrix();
        for (double[] row : rows) {
            if (Arrays.stream(row).allMatch(Double::isFinite)) {
                return row;
            }
        }
        throw new ExportException("none of the first " + some.length + " training rows is complete; the "
                + "preprocessing cannot be probed");
    }

    private static ColumnMap numeric(TrainedRun run, double[] base, double[] e0, int j, String name)
            throws ExportException {
        double h = Math.max(1, Math.abs(base[j]));
        double[][] probes = run.encode(new double[][] {with(base, j, base[j] + h), with(base, j, base[j] + 2 * h),
            with(base, j, Double.NaN)});
        List<Integer> outs = new ArrayList<>();
        for (int o = 0; o < e0.length; o++) {
            if (Math.abs(probes[0][o] - e0[o]) > TOLERANCE * Math.max(1, Math.abs(e0[o]))) {
                outs.add(o);
            }
        }
        int[] outputs = outs.stream().mapToInt(Integer::intValue).toArray();
        double[] scale = new double[outputs.length];
        double[] offset = new double[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            int o = outputs[k];
            scale[k] = (probes[0][o] - e0[o]) / h;
            offset[k] = e0[o] - scale[k] * base[j];
            double expected = e0[o] + 2 * h * scale[k];
            if (Math.abs(probes[1][o] - expected) > TOLERANCE * Math.max(1, Math.abs(expected))) {
                throw new ExportException("the run's preprocessing of '" + name + "' is not a linear scaling, so it "
                        + "cannot be written out as numbers");
            }
        }
        double fill = outputs.length > 0 && Double.isFinite(probes[2][outputs[0]])
                ? (probes[2][outputs[0]] - offset[0]) / scale[0] : Double.NaN;
        return new ColumnMap(name, List.of(), outputs, scale, offset, new double[0][], fill);
    }

    private static ColumnMap categorical(TrainedRun run, double[] base, int j, String name, List<String> categories) {
        double[][] rows = new double[categories.size() + 1][];
        for (int k = 0; k < categories.size(); k++) {
            rows[k] = with(base, j, k);
        }
        rows[categories.size()] = with(base, j, Double.NaN);
        double[][] e = run.encode(rows);
        List<Integer> outs = new ArrayList<>();
        for (int o = 0; o < e[0].length; o++) {
            for (int k = 1; k < categories.size(); k++) {
                if (e[k][o] != e[0][o]) {
                    outs.add(o);
                    break;
                }
            }
        }
        int[] outputs = outs.stream().mapToInt(Integer::intValue).toArray();
        double[][] table = new double[categories.size()][outputs.length];
        for (int k = 0; k < categories.size(); k++) {
            for (int i = 0; i < outputs.length; i++) {
                table[k][i] = e[k][outputs[i]];
            }
        }
        double fill = Double.NaN;
        double[] missing = new double[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            missing[i] = e[categories.size()][outputs[i]];
        }
        for (int k = 0; k < categories.size() && Double.isNaN(fill); k++) {
            fill = Arrays.equals(table[k], missing) ? k : Double.NaN;
        }
        return new ColumnMap(name, categories, outputs, new double[0], new double[0], table, fill);
    }

    private static double[] with(double[] row, int j, double value) {
        double[] out = row.clone();
        out[j] = value;
        return out;
    }

    /** The map must reproduce the run's own encoding of its evaluated rows. */
    private void check(TrainedRun run) throws DatasetException, ExportException {
        int[] rows = run.rows(run.evaluated());
        double[][] raw = run.read(rows).features().castTo(DataType.DOUBLE).reshape(rows.length, -1).toDoubleMatrix();
        double[][] encoded = run.encode(raw);
        for (int i = 0; i < raw.length; i++) {
            double[] mine = apply(raw[i]);
            for (int o = 0; o < mine.length; o++) {
                boolean bothMissing = Double.isNaN(mine[o]) && Double.isNaN(encoded[i][o]);
                if (!bothMissing && !(Math.abs(mine[o] - encoded[i][o])
                        <= TOLERANCE * Math.max(1, Math.abs(encoded[i][o])))) {
                    throw new ExportException("the run's preprocessing cannot be written out as a map per column "
                            + "(scaling, one-hot, fill values): replayed on row " + rows[i] + " it gives "
                            + mine[o] + " for input column " + inputNames.get(o) + ", the run gives "
                            + encoded[i][o]);
                }
            }
        }
    }
}
