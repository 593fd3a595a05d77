package org.cajal.preprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.cajal.api.data.Preprocessor;
import org.junit.jupiter.api.Test;

class DescriptorsTest {

    private final List<Preprocessor> steps = List.of(new StandardiseStep(), new MinMaxStep(), new OneHotStep(),
            new ImageScaleStep(), new TargetStandardiseStep());

    @Test
    void everyStepHasAStableIdAndHelpInThePreprocessingGroup() {
        assertEquals(List.of("standardise", "min-max", "one-hot", "image-scale", "target-standardise"),
                steps.stream().map(Preprocessor::id).toList());
        for (Preprocessor step : steps) {
            assertEquals("Preprocessing", step.descriptor().category());
            assertFalse(step.descriptor().help().isBlank(), step.id());
            step.descriptor().parameters().forEach(p -> assertFalse(p.help().isBlank(), step.id() + "." + p.key()));
        }
    }
}
