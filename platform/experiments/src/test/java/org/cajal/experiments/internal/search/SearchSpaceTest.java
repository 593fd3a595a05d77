package org.cajal.experiments.internal.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.cajal.api.pipeline.Problem;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

    static Map<String, Object> json(String text) throws Exception {
        return org.cajal.runfolder.Json.PRETTY.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    private static List<Problem> problems(String search) throws Exception {
        return assertThrows(SearchSpace.Invalid.class, () -> SearchSpace.parse(json(search), null, null, 42))
                .problems();
    }

    private static void assertProblem(List<Problem> problems, String location, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.location().equals(location) && p.message().contains(text)),
                "expected " + location + ": ..." + text + "... in " + problems);
    }

    @Test
    void defaults() throws Exception {
        SearchSpace s = SearchSpace.parse(json("{\"parameters\": {\"a.b\": {\"choices\": [1, 2]},"
                + " \"c\": {\"range\": [1, 3]}}}"), null, null, 7);
        assertEquals("grid", s.method());
        assertEquals(6, s.trials());
        assertEquals(org.cajal.experiments.internal.exec.TrialExecutor.DEFAULT_PARALLEL, s.parallel(), "one trial per core");
        assertEquals("validation_loss", s.objective());
        assertTrue(s.minimise());
        assertEquals(7, s.seed());
        SearchSpace r = SearchSpace.parse(json("{\"objective\": \"validation_accuracy\", \"parameters\": "
                + "{\"a\": {\"uniform\": [0, 1]}}}"), null, 3, 7);
        assertEquals("random", r.method());
        assertEquals(SearchSpace.DEFAULT_RANDOM_TRIALS, r.trials());
        assertEquals(3, r.parallel());
        assertFalse(r.minimise(), "accuracy is maximised");
        assertEquals(5, SearchSpace.parse(json("{\"trials\": 9, \"parameters\": {\"a\": {\"uniform\": [0, 1]}}}"),
                5, null, 7).trials(), "--trials overrides the section");
    }

    @Test
    void errorsNameTheJsonPathAndSayHowToFix() throws Exception {
        List<Problem> p = problems("{\"method\": \"bayes\", \"trials\": 0, \"goal\": \"up\", \"colour\": 1,"
                + " \"parameters\": {"
                + "\"training.optimizer.params.learningRate\": {\"logUniform\": [0, 0.1]},"
                + "\"training.epochs\": {\"range\": [10, 45], \"step\": 10},"
                + "\"model.layers[0].params.units\": {\"choices\": []},"
                + "\"model.layers[x]\": {\"choices\": [1]},"
                + "\"d\": {\"uniform\": [0.5, 0.1]},"
                + "\"e\": [1, 2]}}");
        assertProblem(p, "$.search.method", "\"grid\" or \"random\"");
        assertProblem(p, "$.search.trials", "whole number from 1");
        assertProblem(p, "$.search.goal", "\"min\" or \"max\"");
        assertProblem(p, "$.search.colour", "unknown key");
        assertProblem(p, "$.search.parameters['training.optimizer.params.learningRate']", "above 0");
        assertProblem(p, "$.search.parameters['training.epochs']", "multiple of the step");
        assertProblem(p, "$.search.parameters['model.layers[0].params.units']", "non-empty list");
        assertProblem(p, "$.search.parameters['model.layers[x]']", "not an array index");
        assertProblem(p, "$.search.parameters['d']", "low < high");
        assertProblem(p, "$.search.parameters['e']", "must be an object");
    }

    @Test
    void aGridNeedsACountForIntervals() throws Exception {
        assertProblem(problems("{\"method\": \"grid\", \"parameters\": {\"lr\": {\"logUniform\": [0.001, 0.1]}}}"),
                "$.search.parameters['lr']", "\"count\": n");
        assertProblem(problems("{}"), "$.search", "no search section");
        assertProblem(problems("{\"method\": \"grid\"}"), "$.search.parameters", "at least one parameter");
        assertProblem(problems("{\"parameters\": {\"a\": {\"choices\": [1], \"step\": 2}}}"),
                "$.search.parameters['a']", "\"step\" goes with \"range\" only");
    }
}
