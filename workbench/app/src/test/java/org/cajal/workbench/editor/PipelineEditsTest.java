package org.cajal.workbench.editor;

import static org.cajal.workbench.editor.EditorFixtures.pipeline;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cajal.api.pipeline.ComponentRef;
import org.cajal.api.pipeline.EarlyStopping;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.SplitSpec;
import org.cajal.workbench.core.Pipelines;
import org.cajal.workbench.core.Step;
import org.junit.jupiter.api.Test;

class PipelineEditsTest {

    private static List<String> types(Pipeline p) {
        return p.model().layers().stream().map(ComponentRef::type).toList();
    }

    @Test
    void aNewLayerGoesBeforeTheOutputLayerWhenNoLayerIsSelected() {
        PipelineEdits.Result r = PipelineEdits.insertLayer(pipeline("dense", "output"), "conv2d", Optional.empty());
        assertEquals(List.of("dense", "conv2d", "output"), types(r.pipeline()));
        assertEquals(Step.layer(1), r.select());
    }

    @Test
    void aNewLayerGoesAfterTheSelectedLayer() {
        Pipeline p = pipeline("dense", "dense", "output");
        PipelineEdits.Result r = PipelineEdits.insertLayer(p, "conv2d", Optional.of(Step.layer(0)));
        assertEquals(List.of("dense", "conv2d", "dense", "output"), types(r.pipeline()));
        assertEquals(Step.layer(1), r.select());
        // another kind of step selected: before the output layer again
        r = PipelineEdits.insertLayer(p, "conv2d", Optional.of(Step.DATASET));
        assertEquals(List.of("dense", "dense", "conv2d", "output"), types(r.pipeline()));
    }

    @Test
    void aLayerIntoAnEmptyStackGoesFirst() {
        PipelineEdits.Result r = PipelineEdits.insertLayer(pipeline(), "output", Optional.empty());
        assertEquals(List.of("output"), types(r.pipeline()));
        assertEquals(Step.layer(0), r.select());
    }

    @Test
    void removeSelectsTheNextLayer() {
        Pipeline p = pipeline("dense", "conv2d", "output");
        PipelineEdits.Result r = PipelineEdits.removeLayer(p, 1);
        assertEquals(List.of("dense", "output"), types(r.pipeline()));
        assertEquals(Step.layer(1), r.select());
        r = PipelineEdits.removeLayer(p, 2);
        assertEquals(Step.layer(1), r.select());
        assertNull(PipelineEdits.removeLayer(pipeline("output"), 0).select());
    }

    @Test
    void moveUpAndDownSwapNeighboursAndStopAtTheEnds() {
        Pipeline p = pipeline("a", "b", "c");
        assertEquals(List.of("b", "a", "c"), types(PipelineEdits.moveLayer(p, 1, -1).pipeline()));
        assertEquals(List.of("a", "c", "b"), types(PipelineEdits.moveLayer(p, 1, 1).pipeline()));
        assertEquals(Step.layer(2), PipelineEdits.moveLayer(p, 1, 1).select());
        assertSame(p, PipelineEdits.moveLayer(p, 0, -1).pipeline());
        assertSame(p, PipelineEdits.moveLayer(p, 2, 1).pipeline());
    }

    @Test
    void preprocessingIsAppendedRemovedAndMoved() {
        Pipeline p = PipelineEdits.addPreprocessing(pipeline("output"), "standardise").pipeline();
        PipelineEdits.Result r = PipelineEdits.addPreprocessing(p, "normalise");
        assertEquals(List.of("standardise", "normalise"),
                r.pipeline().preprocessing().stream().map(ComponentRef::type).toList());
        assertEquals(Step.preprocessing(1), r.select());
        Pipeline moved = PipelineEdits.movePreprocessing(r.pipeline(), 1, -1).pipeline();
        assertEquals("normalise", moved.preprocessing().get(0).type());
        assertEquals(List.of(ComponentRef.of("standardise")),
                PipelineEdits.removePreprocessing(r.pipeline(), 1).pipeline().preprocessing());
    }

    @Test
    void switchingTheDatasetResetsItsParameters() {
        Pipeline p = pipeline("output");
        assertEquals(Map.of("n", 200), p.dataset().params());
        assertEquals(ComponentRef.of("csv"), PipelineEdits.switchDataset(p, "csv").pipeline().dataset());
        assertSame(p, PipelineEdits.switchDataset(p, "moons").pipeline());
    }

    @Test
    void switchingTheArchitectureKeepsTheLayers() {
        Pipeline p = PipelineEdits.switchArchitecture(pipeline("dense", "output"), "resnet").pipeline();
        assertEquals("resnet", p.model().architecture());
        assertEquals(List.of("dense", "output"), types(p));
    }

    @Test
    void problemLocationsMapToSteps() {
        Pipeline p = pipeline("dense", "output");
        assertEquals(Optional.of(Step.layer(10)), PipelineEdits.stepFor("$.model.layers[10].params.units", p));
        assertEquals(Optional.of(Step.layer(1)), PipelineEdits.stepFor("$.model.layers[1]", p));
        assertEquals(Optional.of(Step.preprocessing(0)), PipelineEdits.stepFor("$.preprocessing[0].type", p));
        assertEquals(Optional.of(Step.DATASET), PipelineEdits.stepFor("$.dataset.params.file", p));
        assertEquals(Optional.of(Step.OPTIMIZER), PipelineEdits.stepFor("$.training.optimizer.params", p));
        assertEquals(Optional.of(Step.TRAINING), PipelineEdits.stepFor("$.training.epochs", p));
        assertEquals(Optional.of(Step.TRAINING), PipelineEdits.stepFor("$.split.test", p));
        assertEquals(Optional.empty(), PipelineEdits.stepFor("$.datasets", p));
        assertEquals(Optional.empty(), PipelineEdits.stepFor("line 3, column 7", p));
        assertEquals(Optional.of(Step.ARCHITECTURE),
                PipelineEdits.stepFor("$.model.params.depth", PipelineEdits.switchArchitecture(p, "resnet")
                        .pipeline()));
        // every step's own path leads back to it
        for (Step s : List.of(Step.DATASET, Step.OPTIMIZER, Step.TRAINING, Step.layer(3), Step.preprocessing(2))) {
            assertEquals(Optional.of(s), PipelineEdits.stepFor(s.jsonPath(), p));
        }
    }

    @Test
    void trainingAndEvaluationSummaries() {
        Pipeline p = pipeline("output");
        assertEquals("loss: categorical-cross-entropy · 60 epochs · batch 16 · validation 20 % · test 20 %",
                PipelineEdits.trainingSummary(p));
        assertTrue(PipelineEdits.evaluationSummary(p).contains("test split (20 % of the data)"));

        Pipeline kfold = Pipelines.withSplit(p, new SplitSpec(0, 0.1, true, 5));
        assertTrue(PipelineEdits.trainingSummary(kfold).contains("5 folds · test 10 %"));
        assertTrue(PipelineEdits.evaluationSummary(kfold).startsWith("5-fold cross-validation"));

        Pipeline early = Pipelines.withTraining(p, new org.cajal.api.pipeline.TrainingSpec("mse",
                ComponentRef.of("adam"), 1, 0, null, new EarlyStopping(5, 0, true)));
        assertEquals("loss: mse · 1 epoch · full batch · validation 20 % · test 20 % · early stopping (patience 5)",
                PipelineEdits.trainingSummary(early));
        assertEquals("12.5 %", PipelineEdits.percent(0.125));
        assertEquals("1,234", PipelineEdits.count(1234));
    }
}
