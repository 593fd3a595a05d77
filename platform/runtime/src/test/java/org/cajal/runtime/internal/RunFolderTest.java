package org.cajal.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @Test
    void namesAreUniqueAndWritesLeaveNoTemporaryFiles(@TempDir Path runs) throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        RunFolder a = RunFolder.create(runs, "House prices!", now);
        RunFolder b = RunFolder.create(runs, "House prices!", now);
        assertEquals("20260102-030405-house-prices", a.id());
        assertNotEquals(a.id(), b.id());
        a.writeText("metrics.csv", "epoch\n1\n");
        a.writeText("metrics.csv", "epoch\n1\n2\n");
        a.writeJson("evaluation.json", Map.of("accuracy", 1.0));
        assertEquals("epoch\n1\n2\n", Files.readString(a.path().resolve("metrics.csv")));
        assertTrue(Files.readString(a.path().resolve("evaluation.json")).contains("\"accuracy\" : 1.0"));
        try (var files = Files.list(a.path())) {
            assertEquals(2, files.count(), "only the two committed files remain");
        }
    }

    @Test
    void metricsTableLeavesMissingValidationEmpty() {
        MetricsTable t = new MetricsTable("accuracy");
        t.add(1, 0.5, Double.NaN, Double.NaN);
        t.add(2, 0.25, 0.3, 0.75);
        assertEquals("epoch,train_loss,validation_loss,validation_accuracy\n1,0.500000000,,\n"
                + "2,0.250000000,0.300000000,0.750000000\n", t.text());
    }
}
