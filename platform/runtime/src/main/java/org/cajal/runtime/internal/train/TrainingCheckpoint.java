package org.cajal.runtime.internal.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.cajal.api.run.RunFiles;
import org.cajal.runfolder.RunFolderWriter;

/**
 * One model's checkpoint file ({@link RunFiles#CHECKPOINT} in the run folder, or in the fold's folder of a k-fold
 * run): a {@link TrainingState}, written atomically (a reader or a resumed run sees the previous checkpoint or the
 * new one, never a part) at the end of an epoch when the {@link CheckpointPolicy} says it is time, and when training
 * ends. The file is Java's serial form of the state, read back only by the same version of Cajal, through a filter
 * that admits nothing but the state's own types.
 */
final class TrainingCheckpoint {

    /** The classes a checkpoint may hold: the JDK's (collections, arrays, Random) and the state's records. */
    private static final ObjectInputFilter ONLY_STATE = ObjectInputFilter.Config.createFilter(
            "java.base/*;org.cajal.runtime.internal.train.*;!*");

    private final RunFolderWriter folder;
    private final CheckpointPolicy policy;
    private final Clock clock;
    private long lastWrite = Long.MIN_VALUE;

    TrainingCheckpoint(RunFolderWriter folder, CheckpointPolicy policy, Clock clock) {
        this.folder = folder;
        this.policy = policy;
        this.clock = clock;
    }

    /** Whether the end of {@code epoch} gets a checkpoint: the first epoch, and then every policy interval. */
    boolean due(int epoch) {
        return epoch == 1 || lastWrite == Long.MIN_VALUE || clock.millis() - lastWrite >= policy.intervalMillis();
    }

    void write(TrainingState state) throws IOException {
        folder.writeWith(RunFiles.CHECKPOINT, target -> {
            try (OutputStream file = Files.newOutputStream(target);
                 ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(file))) {
                out.writeObject(state);
            }
        });
        lastWrite = clock.millis();
    }

    /** The state in this folder's checkpoint, or null when there is none. */
    TrainingState read() throws IOException {
        Path file = folder.path().resolve(RunFiles.CHECKPOINT);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            in.setObjectInputFilter(ONLY_STATE);
            return (TrainingState) in.readObject();
        } catch (InvalidClassException | ClassNotFoundException | ClassCastException e) {
            throw new IOException(file + " was not written by this version of Cajal (or holds something other than "
                    + "a checkpoint), so the run cannot be resumed; run the pipeline again", e);
        } catch (IOException e) {
            throw new IOException(file + " cannot be read (" + e.getMessage() + "); run the pipeline again", e);
        }
    }

    /** Deletes the checkpoints of a run folder and of its folds (the run has ended). */
    static void deleteAll(Path run) throws IOException {
        Files.deleteIfExists(run.resolve(RunFiles.CHECKPOINT));
        for (int k = 1; Files.isDirectory(run.resolve(RunFiles.foldFolder(k))); k++) {
            Files.deleteIfExists(run.resolve(RunFiles.foldFolder(k)).resolve(RunFiles.CHECKPOINT));
        }
    }
}
