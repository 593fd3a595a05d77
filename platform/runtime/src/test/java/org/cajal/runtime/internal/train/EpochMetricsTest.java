package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cajal.runfolder.RunFolders;
import org.junit.jupiter.api.Test;

class EpochMetricsTest {

    @Test
    void metricsLeaveMissingValidationEmpty() {
        EpochMetrics t = new EpochMetrics("accuracy");
        t.add(1, 0.5, Double.NaN, Double.NaN);
        t.add(2, 0.25, 0.3, 0.75);
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy\n1,0.500000000,,\n"
                + "2,0.250000000,0.300000000,0.750000000\n", RunFolders.metricsText(t.table()));
    }
}
