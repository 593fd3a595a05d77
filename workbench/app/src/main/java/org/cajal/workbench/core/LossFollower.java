package org.cajal.workbench.core;

import java.util.Optional;

import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.api.train.Loss;

/**
 * Keeps the loss fitting the target until the user picks one: when the runtime's check says the loss does not
 * fit the dataset's target (a CSV target switched to regression keeps categorical cross-entropy) and the loss was
 * not changed by hand since the document was opened, it becomes the first loss the check offers (MSE for
 * regression, cross-entropy for classes) and the status line says so. The change is an adjustment: it leaves a
 * document without unsaved changes as it was. An edit of the loss by anyone else counts as the user's pick.
 * Event-dispatch thread.
 */
public final class LossFollower {

    private final PipelineModel model;
    private final Notifier notifier;
    private boolean picked;
    private boolean applying;
    private String lastLoss;

    public LossFollower(PipelineModel model, Summaries summaries, Notifier notifier) {
        this.model = model;
        this.notifier = notifier;
        this.lastLoss = model.get().training().loss();
        model.addListener((m, change) -> {
            String loss = m.get().training().loss();
            if (change == PipelineModel.Change.REPLACED) {
                picked = false;
            } else if (!applying && !loss.equals(lastLoss)) {
                picked = true;
            }
            lastLoss = loss;
        });
        summaries.addListener(this::summary);
    }

    /** The loss the check asks for instead of the pipeline's, if it names one. */
    static Optional<String> fitting(ModelSummary summary) {
        return summary.problems().stream()
                .filter(p -> p.location().equals("$.training.loss") && p.message().contains("does not fit"))
                .map(Problem::message).findFirst()
                .flatMap(m -> Loss.ids().stream().filter(id -> m.contains("use " + id)).findFirst());
    }

    private void summary(Pipeline of, ModelSummary summary) {
        if (picked || summary == null || !of.equals(model.get())) {
            return;
        }
        fitting(summary).ifPresent(loss -> {
            applying = true;
            try {
                model.adjust(p -> {
                    TrainingSpec t = p.training();
                    return Pipelines.withTraining(p, new TrainingSpec(loss, t.optimizer(), t.epochs(), t.batchSize(),
                            t.regularisation(), t.earlyStopping(), t.engine()));
                });
            } finally {
                applying = false;
            }
            notifier.status("Loss set to " + loss + " to fit the dataset's target (Training settings to pick "
                    + "another).");
        });
    }
}
