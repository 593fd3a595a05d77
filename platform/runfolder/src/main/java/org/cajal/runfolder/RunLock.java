package org.cajal.runfolder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.cajal.api.run.RunFiles;

/**
 * The lock a process holds on {@link RunFiles#LOCK} while it runs a run: when the process ends in any way (a kill
 * included) the operating system releases it, so a reader can tell a run that is running from one that was
 * interrupted ({@link RunFolders#status}).
 */
public final class RunLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run folder's lock; held until {@link #close}. */
    public static RunLock hold(Path run) throws IOException {
        Path file = run.resolve(RunFiles.LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException(run + " is being run by another process");
            }
            return new RunLock(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether a process (this one included) holds the run folder's lock now. */
    public static boolean isHeld(Path run) {
        Path file = run.resolve(RunFiles.LOCK);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // cannot open it to try: assume the run is alive rather than call it interrupted wrongly
            return true;
        }
    }

    /** Releases the lock and deletes its file. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            Files.deleteIfExists(file);
        }
    }
}
