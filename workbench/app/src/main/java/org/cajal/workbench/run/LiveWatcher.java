package org.cajal.workbench.run;

import java.util.function.LongSupplier;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.TargetKind;
import org.cajal.api.train.ModelProbe;
import org.cajal.api.train.ModelWatcher;
import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.LiveSnapshot;
import org.cajal.workbench.core.RunEvents;

/**
 * The workbench's listener for a run it starts: passes every training event on to {@link RunEvents} and, for a
 * tabular layer stack, looks at the model every few mini-batches ({@link LiveSnapshot}s for the live view).
 *
 * <p>How often: at most once every {@link #MIN_INTERVAL_NANOS}, and only while the looks so far, with one more
 * as long as the last, stay within {@link #BUDGET} of the time since training began (the first look's reading of
 * the examples it draws, done once, is left out of this budget but counted in the share shown), so looking never takes more
 * than about that share of the training thread's time however fast or slow a mini-batch is (a run shorter than a
 * few looks' time gets its first and last look only). The last mini-batch of the run is always looked at, so the
 * view ends on the trained model. The share actually spent is measured and shown ({@link LiveSnapshot#overhead()}).
 * Training thread (the axes are set from the event-dispatch thread).
 */
final class LiveWatcher implements ModelWatcher {

    /** At most about 12 looks a second: more is not seen. */
    static final long MIN_INTERVAL_NANOS = 80_000_000L;
    /** Share of the training time the looks may take. */
    static final double BUDGET = 0.05;
    /** Grid cells per axis of the plane (a line gets this squared, capped at 400). */
    static final int RESOLUTION = 40;
    /** Most examples of each part drawn. */
    static final int MAX_POINTS = 500;
    /** Most inputs the live view handles (a wider model, an image, is not drawn). */
    static final int MAX_INPUTS = 64;

    private final RunEvents events;
    private final LongSupplier nanos;
    private final boolean enabled;
    private volatile int xAxis;
    private volatile int yAxis = 1;
    private int epochs;
    private long startNanos;
    private long lastEnd;
    private long lastCost;
    private long spent;
    /** Time the first look took to read the examples it draws. */
    private long once;
    private int looks;
    private boolean drawable = true;

    /**
     * @param enabled false: events only, no looks (the view's switch)
     */
    LiveWatcher(RunEvents events, LongSupplier nanos, boolean enabled, int x, int y) {
        this.events = events;
        this.nanos = nanos;
        this.enabled = enabled;
        this.xAxis = x;
        this.yAxis = y;
    }

    /** The inputs on the axes from the next look on (from any thread). */
    void axes(int x, int y) {
        xAxis = x;
        yAxis = y;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            epochs = s.epochs();
            startNanos = nanos.getAsLong();
            lastEnd = 0;
            lastCost = 0;
            spent = 0;
            once = 0;
            looks = 0;
        }
        events.publish(event);
    }

    @Override
    public boolean wantsModel(int epoch, int batch, int batchesPerEpoch) {
        if (!enabled || !drawable) {
            return false;
        }
        if (epoch >= epochs && batch >= batchesPerEpoch) {
            return true;
        }
        long now = nanos.getAsLong();
        long since = lastEnd == 0 ? now - startNanos : now - lastEnd;
        return since >= MIN_INTERVAL_NANOS && spent + lastCost <= BUDGET * (now - startNanos);
    }

    @Override
    public void onModel(ModelProbe probe) {
        long start = nanos.getAsLong();
        DataSchema schema = probe.schema();
        int inputs = probe.inputWidth();
        if (!drawable(schema, inputs)) {
            drawable = false;
            return;
        }
        // the examples are read on the first look only: that once is counted in the share shown, not in the budget
        ModelProbe.Points train = probe.points(ModelProbe.Part.TRAIN, MAX_POINTS);
        ModelProbe.Points validation = probe.points(ModelProbe.Part.VALIDATION, MAX_POINTS);
        long read = nanos.getAsLong();
        once += looks == 0 ? read - start : 0;
        LiveSnapshot snapshot = look(probe, schema, inputs, train, validation);
        long end = nanos.getAsLong();
        lastCost = end - read;
        lastEnd = end;
        spent += lastCost;
        looks++;
        double overhead = (spent + once) / (double) Math.max(1, end - startNanos);
        events.publishSnapshot(withOverhead(snapshot, overhead));
    }

    static boolean drawable(DataSchema schema, int inputs) {
        return schema.featureShape().size() == 1 && inputs >= 1 && inputs <= MAX_INPUTS
                && schema.targetKind() != TargetKind.NONE;
    }

    private LiveSnapshot look(ModelProbe probe, DataSchema schema, int inputs, ModelProbe.Points train,
                              ModelProbe.Points validation) {
        int x = Math.min(Math.max(0, xAxis), inputs - 1);
        int y = inputs == 1 ? -1 : Math.min(Math.max(0, yAxis), inputs - 1);
        if (y == x) {
            y = x == 0 ? 1 : 0;
        }
        LiveGrid grid = LiveGrid.over(train.features(), inputs, x, y, RESOLUTION);
        double[][][] layers = probe.layerOutputs(grid.points());
        double[] yRange = y >= 0 ? grid.yRange() : LiveGrid.valueRange(layers[layers.length - 1],
                train.targets(), schema.targetKind().isClassification());
        return new LiveSnapshot(probe.runId(), probe.epoch(), probe.batch(), names(schema, inputs),
                schema.targetKind(), schema.classLabels(), x, y, grid.xRange(), yRange, grid.resolution(), layers,
                probe.weights(), train.features(), train.targets(), validation.features(), validation.targets(), 0,
                looks + 1);
    }

    private static java.util.List<String> names(DataSchema schema, int inputs) {
        if (schema.featureNames().size() == inputs) {
            return schema.featureNames();
        }
        return java.util.stream.IntStream.range(0, inputs).mapToObj(i -> "input " + i).toList();
    }

    private static LiveSnapshot withOverhead(LiveSnapshot s, double overhead) {
        return new LiveSnapshot(s.runId(), s.epoch(), s.batch(), s.inputNames(), s.targetKind(), s.classLabels(),
                s.x(), s.y(), s.xRange(), s.yRange(), s.resolution(), s.layers(), s.weights(), s.train(),
                s.trainTargets(), s.validation(), s.validationTargets(), overhead, s.looks());
    }
}
