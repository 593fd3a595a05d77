package org.cajal.experiments.internal.exec;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an experiment folder ({@code .lock} in it, an operating-system file lock): two executors
 * resuming the same folder at once would each delete the other's run folders as "interrupted" and run trials
 * twice. The operating system drops the lock when a process dies, so a killed search can always be resumed.
 */
final class FolderLock {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IOException when another process or another experiment in this one works on the folder (the message
     *                     says what to do), or the lock file cannot be written
     */
    static FolderLock acquire(Path folder) throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("this experiment is already running in " + folder + " (another `cajal` command "
                    + "or the workbench has it open): wait until it ends or stop it, then start it again to resume");
        }
        return new FolderLock(channel, lock);
    }

    /** Releases the lock; the file stays (an empty marker). */
    synchronized void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
