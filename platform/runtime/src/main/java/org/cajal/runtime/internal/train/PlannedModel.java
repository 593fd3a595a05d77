package org.cajal.runtime.internal.train;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.cajal.api.model.LayerException;
import org.cajal.api.model.ModelContext;
import org.cajal.api.model.TrainableModel;
import org.cajal.api.pipeline.ComponentRef;
import org.cajal.runtime.internal.pipeline.RunPlan;

/** The model a plan describes, built fresh for one training (the same seed builds the same weights). */
final class PlannedModel {

    private PlannedModel() {
    }

    /** The optimizer's learning rate at the start (a schedule's first value), if it has one. */
    static OptionalDouble learningRate(RunPlan plan) {
        try {
            if (plan.updater() != null && plan.updater().hasLearningRate()) {
                return OptionalDouble.of(plan.updater().getLearningRate(0, 0));
            }
        } catch (RuntimeException e) {
            // an updater that cannot say: the advice then names no number
        }
        return plan.pipeline().training().optimizer().params().get("learningRate") instanceof Number n
                ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    static TrainableModel build(RunPlan plan, long seed) throws LayerException {
        if (plan.architecture() == null) {
            List<String> names = new ArrayList<>();
            List<ComponentRef> refs = plan.pipeline().model().layers();
            for (int i = 0; i < refs.size(); i++) {
                names.add("layer " + (i + 1) + " (" + refs.get(i).type() + ")");
            }
            return LayerStackModel.build(plan.layers(), plan.schema(), plan.updater(), seed,
                    plan.pipeline().training().regularisation(), plan.optimizerRegularization(),
                    plan.pipeline().training().engine(), names);
        }
        return plan.architecture().build(plan.architectureParameters(),
                new ModelContext(plan.schema(), plan.loss().id(), plan.updater(), seed));
    }
}
