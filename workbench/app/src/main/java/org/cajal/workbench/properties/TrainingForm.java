package org.cajal.workbench.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.swing.JComponent;

import org.cajal.api.ParameterSpec;
import org.cajal.api.pipeline.EarlyStopping;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Regularisation;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.train.Loss;
import org.cajal.workbench.core.PipelineModel;
import org.cajal.workbench.core.Pipelines;

/**
 * The fixed form of the training settings: loss, epochs, batch size and seed; the split (validation and test
 * fractions, stratification, folds); regularisation (L1, L2, dropout, input noise); early stopping (on/off,
 * patience, minimum improvement, restore best weights).
 *
 * <p>Each field is checked as the user types; a valid value is put into a new {@link TrainingSpec},
 * {@link SplitSpec}, {@link Regularisation} or {@link EarlyStopping} record, whose constructor may refuse the
 * combination (e.g. validation + test &ge; 1): its message is then shown as the field's problem and nothing is
 * written. Field names: {@code training.loss}, {@code training.epochs}, {@code training.batchSize},
 * {@code training.seed}, {@code split.validation}, {@code split.test}, {@code split.stratify}, {@code split.folds},
 * {@code regularisation.l1}, {@code regularisation.l2}, {@code regularisation.dropout},
 * {@code regularisation.inputNoise}, {@code earlyStopping.enabled}, {@code earlyStopping.patience},
 * {@code earlyStopping.minDelta}, {@code earlyStopping.restoreBest}; each with a {@code <name>.problem} label.
 */
final class TrainingForm {

    /** Early stopping settings offered when it is switched on for the first time. */
    static final EarlyStopping DEFAULT_EARLY_STOPPING = new EarlyStopping(10, 0.0, true);

    /** A field bound to one value of the pipeline. */
    private record Binding(ParameterEditor editor, Function<Pipeline, Object> get) {
    }

    private final PipelineModel model;
    private final FormPanel panel;
    private final List<Binding> bindings = new ArrayList<>();
    private final List<ParameterEditor> earlyStoppingSettings = new ArrayList<>();
    /** The early stopping to switch back on: the last one the pipeline had. */
    private EarlyStopping lastEarlyStopping;

    TrainingForm(FormPanel into, PipelineModel model) {
        this.model = model;
        this.panel = into;
        Pipeline p = model.get();
        lastEarlyStopping = p.training().earlyStop().orElse(DEFAULT_EARLY_STOPPING);

        trainingSection();
        splitSection();
        regularisationSection();
        earlyStoppingSection();
        update(p);
    }

    /** The loss, epochs, batch size and seed. */
    private void trainingSection() {
        panel.addSection("Training");
        choice("training.loss", "loss", ParameterSpec.choice("loss", Loss.ids()).requiredParameter()
                        .help("The loss minimised in training: mse or mae for regression, binary-cross-entropy for "
                                + "two classes (one sigmoid output), categorical-cross-entropy for classes "
                                + "(softmax output)."),
                x -> x.training().loss(), (x, v) -> training(x, (String) v, null, null));
        number("training.epochs", "epochs", ParameterSpec.integer("epochs", null).atLeast(1).requiredParameter()
                        .help("Passes over the training split (the most, with early stopping)."),
                x -> x.training().epochs(), (x, v) -> training(x, null, (Integer) v, null));
        number("training.batchSize", "batch size", ParameterSpec.integer("batchSize", null).atLeast(0)
                        .requiredParameter().unit("examples")
                        .help("Examples per mini-batch; 0 uses the whole training split (full batch)."),
                x -> x.training().batchSize(), (x, v) -> training(x, null, null, (Integer) v));
        bind(new TextEditor("training.seed", ValueRule.anyLong(), "required"), "seed", null,
                "Seeds data generation, splitting, shuffling and weight initialisation: the same seed gives "
                        + "the same run.",
                Pipeline::seed, (x, v) -> x.withSeed((Long) v));
    }

    /** Validation and test fractions, stratification, folds. */
    private void splitSection() {
        panel.addSection("Split");
        number("split.validation", "validation", ParameterSpec.number("validation", null).range(0, 1)
                        .requiredParameter().help("Fraction of the data used to validate after every epoch "
                                + "(0 for none); ignored with k-fold."),
                x -> x.split().validation(), (x, v) -> split(x, (Double) v, null, null, null));
        number("split.test", "test", ParameterSpec.number("test", null).range(0, 1).requiredParameter()
                        .help("Fraction held out for the final evaluation (0: evaluate on the validation split)."),
                x -> x.split().test(), (x, v) -> split(x, null, (Double) v, null, null));
        check("split.stratify", "stratify", "Keep class proportions equal across splits and folds "
                        + "(classification only).",
                x -> x.split().stratify(), (x, v) -> split(x, null, null, (Boolean) v, null));
        number("split.folds", "folds", ParameterSpec.integer("folds", null).atLeast(0).requiredParameter()
                        .help("0 for a hold-out split; k ≥ 2 for k-fold cross-validation."),
                x -> x.split().folds(), (x, v) -> split(x, null, null, null, (Integer) v));
    }

    /** L1, L2, dropout and input noise. */
    private void regularisationSection() {
        panel.addSection("Regularisation");
        number("regularisation.l1", "L1", ParameterSpec.number("l1", null).atLeast(0).requiredParameter()
                        .help("L1 penalty on weights (drives weights to exactly zero); 0 for none."),
                x -> x.training().regularisation().l1(), (x, v) -> regularisation(x, 0, (Double) v));
        number("regularisation.l2", "L2", ParameterSpec.number("l2", null).atLeast(0).requiredParameter()
                        .help("L2 penalty on weights (weight decay); 0 for none."),
                x -> x.training().regularisation().l2(), (x, v) -> regularisation(x, 1, (Double) v));
        number("regularisation.dropout", "dropout", ParameterSpec.number("dropout", null).range(0, 1)
                        .requiredParameter().help("Probability of dropping each input of a hidden layer during "
                                + "training (below 1); 0 for none."),
                x -> x.training().regularisation().dropout(), (x, v) -> regularisation(x, 2, (Double) v));
        number("regularisation.inputNoise", "input noise", ParameterSpec.number("inputNoise", null).atLeast(0)
                        .requiredParameter().help("Standard deviation of Gaussian noise added to every layer's "
                                + "input during training; 0 for none."),
                x -> x.training().regularisation().inputNoise(), (x, v) -> regularisation(x, 3, (Double) v));
    }

    /** On or off, patience, minimum improvement, restoring the best weights. */
    private void earlyStoppingSection() {
        panel.addSection("Early stopping");
        check("earlyStopping.enabled", "enabled", "Stop when the validation loss has not improved for a while "
                        + "(needs a validation split).",
                x -> x.training().earlyStopping() != null,
                (x, v) -> earlyStopping(x, (Boolean) v ? lastEarlyStopping : null));
        earlyStoppingSettings.add(number("earlyStopping.patience", "patience",
                ParameterSpec.integer("patience", null).atLeast(1).requiredParameter().unit("epochs")
                        .help("Epochs without improvement before stopping."),
                x -> earlyStop(x).patience(),
                (x, v) -> earlyStopping(x, new EarlyStopping((Integer) v, earlyStop(x).minDelta(),
                        earlyStop(x).restoreBest()))));
        earlyStoppingSettings.add(number("earlyStopping.minDelta", "min delta",
                ParameterSpec.number("minDelta", null).atLeast(0).requiredParameter()
                        .help("How much lower the validation loss must be to count as an improvement."),
                x -> earlyStop(x).minDelta(),
                (x, v) -> earlyStopping(x, new EarlyStopping(earlyStop(x).patience(), (Double) v,
                        earlyStop(x).restoreBest()))));
        earlyStoppingSettings.add(check("earlyStopping.restoreBest", "restore best",
                "At the end, put back the weights of the epoch with the lowest validation loss.",
                x -> earlyStop(x).restoreBest(),
                (x, v) -> earlyStopping(x, new EarlyStopping(earlyStop(x).patience(), earlyStop(x).minDelta(),
                        (Boolean) v))));
    }

    JComponent component() {
        return panel;
    }

    /** Shows the pipeline's values in the fields that are not being edited. */
    void update(Pipeline p) {
        p.training().earlyStop().ifPresent(es -> lastEarlyStopping = es);
        for (Binding b : bindings) {
            b.editor().show(b.get().apply(p));
        }
        boolean on = p.training().earlyStopping() != null;
        earlyStoppingSettings.forEach(e -> e.setEnabled(on));
    }

    // ---------------------------------------------------------------- fields

    private ParameterEditor number(String name, String label, ParameterSpec spec, Function<Pipeline, Object> get,
                                   BiFunction<Pipeline, Object, Pipeline> set) {
        return bind(new TextEditor(name, ValueRule.of(spec), "required"), label, ParameterForm.hint(spec),
                spec.help(), get, set);
    }

    private void choice(String name, String label, ParameterSpec spec, Function<Pipeline, Object> get,
                        BiFunction<Pipeline, Object, Pipeline> set) {
        bind(new ChoiceEditor(name, ValueRule.of(spec), spec.choices(), null), label, null, spec.help(), get, set);
    }

    private ParameterEditor check(String name, String label, String help, Function<Pipeline, Object> get,
                                  BiFunction<Pipeline, Object, Pipeline> set) {
        return bind(new CheckEditor(name, ValueRule.of(ParameterSpec.bool("value", false)),
                false), label, null, help, get, set);
    }

    private ParameterEditor bind(ParameterEditor editor, String label, String hint, String help,
                                 Function<Pipeline, Object> get, BiFunction<Pipeline, Object, Pipeline> set) {
        editor.onCommit(value -> {
            Pipeline next;
            try {
                next = set.apply(model.get(), value);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            model.edit(current -> next);
            return null;
        });
        panel.addRow(label, editor, hint, help);
        bindings.add(new Binding(editor, get));
        return editor;
    }

    // ---------------------------------------------------------------- record edits

    private static Pipeline training(Pipeline p, String loss, Integer epochs, Integer batchSize) {
        TrainingSpec t = p.training();
        return Pipelines.withTraining(p, new TrainingSpec(loss != null ? loss : t.loss(), t.optimizer(),
                epochs != null ? epochs : t.epochs(), batchSize != null ? batchSize : t.batchSize(),
                t.regularisation(), t.earlyStopping(), t.engine()));
    }

    private static Pipeline split(Pipeline p, Double validation, Double test, Boolean stratify, Integer folds) {
        SplitSpec s = p.split();
        return Pipelines.withSplit(p, new SplitSpec(validation != null ? validation : s.validation(),
                test != null ? test : s.test(), stratify != null ? stratify : s.stratify(),
                folds != null ? folds : s.folds()));
    }

    /** With one regularisation value replaced: 0 l1, 1 l2, 2 dropout, 3 input noise. */
    private static Pipeline regularisation(Pipeline p, int which, double value) {
        Regularisation r = p.training().regularisation();
        Regularisation next = new Regularisation(which == 0 ? value : r.l1(), which == 1 ? value : r.l2(),
                which == 2 ? value : r.dropout(), which == 3 ? value : r.inputNoise());
        TrainingSpec t = p.training();
        return Pipelines.withTraining(p, new TrainingSpec(t.loss(), t.optimizer(), t.epochs(), t.batchSize(), next,
                t.earlyStopping(), t.engine()));
    }

    private static Pipeline earlyStopping(Pipeline p, EarlyStopping es) {
        TrainingSpec t = p.training();
        return Pipelines.withTraining(p, new TrainingSpec(t.loss(), t.optimizer(), t.epochs(), t.batchSize(),
                t.regularisation(), es, t.engine()));
    }

    private EarlyStopping earlyStop(Pipeline p) {
        return p.training().earlyStop().orElse(lastEarlyStopping);
    }
}
