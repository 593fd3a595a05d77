package org.cajal.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import javax.swing.SwingUtilities;

import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.TrainingSpec;
import org.cajal.workbench.run.FakeWorkbench;
import org.junit.jupiter.api.Test;

/** The loss follows the target until the user picks one. */
class LossFollowerTest {

    private static ModelSummary misfit(String loss) {
        return new ModelSummary(Optional.empty(), List.of(), -1, List.of(new Problem("$.training.loss",
                "loss '" + loss + "' does not fit a regression target; use mse or mae")));
    }

    private static Pipeline withLoss(Pipeline p, String loss) {
        TrainingSpec t = p.training();
        return Pipelines.withTraining(p, new TrainingSpec(loss, t.optimizer(), t.epochs(), t.batchSize()));
    }

    @Test
    void aMisfittingLossFollowsTheTargetUntilTheUserPicksOne() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            PipelineModel model = new PipelineModel(withLoss(FakeWorkbench.pipeline(), "categorical-cross-entropy"));
            Summaries summaries = new Summaries();
            StringBuilder status = new StringBuilder();
            new LossFollower(model, summaries, new Notifier() {
                public void error(String title, String message) { }
                public void status(String message) { status.append(message); }
            });
            summaries.publish(model.get(), misfit("categorical-cross-entropy"));
            assertEquals("mse", model.get().training().loss());
            assertEquals(true, status.toString().contains("Loss set to mse"));
            assertEquals(false, model.dirty(), "an adjustment, not an unsaved change");
            // the user picks another: it stays, even when a check says it does not fit
            model.edit(p -> withLoss(p, "binary-cross-entropy"));
            summaries.publish(model.get(), misfit("binary-cross-entropy"));
            assertEquals("binary-cross-entropy", model.get().training().loss());
            // a new document follows again
            model.replace(withLoss(FakeWorkbench.pipeline(), "categorical-cross-entropy"), null);
            summaries.publish(model.get(), misfit("categorical-cross-entropy"));
            assertEquals("mse", model.get().training().loss());
        });
    }
}
