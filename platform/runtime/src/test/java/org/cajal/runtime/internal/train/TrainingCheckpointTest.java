package org.cajal.runtime.internal.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.RunFolderWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint file admits only a checkpoint's own types (a crafted file with anything else is refused with what to
 * do, not deserialised), and the checkpoint settings come from their framework properties with their defaults.
 */
class TrainingCheckpointTest {

    @Test
    void aFileHoldingOtherTypesIsRefused(@TempDir Path dir) throws Exception {
        TrainingCheckpoint checkpoint = new TrainingCheckpoint(RunFolderWriter.at(dir), CheckpointPolicy.EVERY_EPOCH,
                Clock.systemUTC());
        assertNull(checkpoint.read(), "no checkpoint yet");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(dir.resolve(RunFiles.CHECKPOINT)))) {
            out.writeObject(new javax.swing.text.PlainDocument());
        }
        IOException e = assertThrows(IOException.class, checkpoint::read);
        assertTrue(e.getMessage().contains("was not written by this version of Cajal")
                && e.getMessage().contains("run the pipeline again"), e.getMessage());
        Files.writeString(dir.resolve(RunFiles.CHECKPOINT), "not a checkpoint");
        e = assertThrows(IOException.class, checkpoint::read);
        assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains("run the pipeline again"),
                e.getMessage());
    }

    @Test
    void settingsComeFromTheFrameworkProperties() {
        assertEquals(new CheckpointPolicy(1000, false), CheckpointPolicy.of(key -> null));
        assertEquals(new CheckpointPolicy(30_000, true), CheckpointPolicy.of(Map.of(CheckpointPolicy.SECONDS_PROPERTY,
                "30", CheckpointPolicy.KEEP_PROPERTY, "true")::get));
        assertEquals(new CheckpointPolicy(0, false), CheckpointPolicy.of(Map.of(CheckpointPolicy.SECONDS_PROPERTY,
                "0")::get));
        assertEquals(new CheckpointPolicy(1000, false), CheckpointPolicy.of(Map.of(CheckpointPolicy.SECONDS_PROPERTY,
                "soon")::get), "a bad value: the default");
    }
}
