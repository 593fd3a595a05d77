package org.cajal.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The framework's cache folder ({@code <java.io.tmpdir>/cajal-felix-*}), made fresh for each process and deleted
 * when it closes. The process holds an operating-system lock on the file beside it named as the folder plus
 * {@value #OWNER} for as long as it runs (beside it, because Felix empties the folder when it first starts), so a cache whose process died without deleting it (kill -9, a crash, a second Ctrl-C) is known by its free
 * lock and deleted at the next start ({@link #removeStale}).
 */
final class FrameworkCache implements AutoCloseable {

    /** The name prefix of the cache folders under {@code java.io.tmpdir}. */
    static final String PREFIX = "cajal-felix-";
    /** The ending of the lock file beside a cache folder. */
    static final String OWNER = ".owner";
    /**
     * A cache folder without an owner lock (made by an older Cajal, or by a process that has not yet taken its
     * lock) counts as stale only when it has not changed for this long.
     */
    static final Duration UNOWNED_AGE = Duration.ofHours(1);

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private FrameworkCache(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /** Makes a fresh cache folder under {@code tmp} and takes its owner lock. */
    static FrameworkCache create(Path tmp) throws IOException {
        Path folder = Files.createTempDirectory(tmp, PREFIX);
        FileChannel channel = FileChannel.open(owner(folder), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            return new FrameworkCache(folder, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path folder() {
        return folder;
    }

    /** Lets the lock go and deletes its file (the folder is deleted by its owner after this). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
            Files.deleteIfExists(owner(folder));
        } catch (IOException e) {
            // the process ends soon and the system lets the lock go then; the next start deletes the file
        }
    }

    private static Path owner(Path folder) {
        return folder.resolveSibling(folder.getFileName() + OWNER);
    }

    /**
     * Deletes the cache folders under {@code tmp} whose process has died: its owner lock is free, or it has no
     * owner file and has not changed for {@link #UNOWNED_AGE}. Returns the folders deleted; a folder that cannot
     * be deleted is left (another user's, say).
     */
    static List<Path> removeStale(Path tmp, Instant now) {
        List<Path> candidates;
        try (Stream<Path> list = Files.list(tmp)) {
            candidates = list.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && !p.getFileName().toString().endsWith(OWNER)).toList();
        } catch (IOException e) {
            return List.of();
        }
        return candidates.stream().filter(p -> stale(p, now)).filter(FrameworkCache::delete).toList();
    }

    private static boolean stale(Path folder, Instant now) {
        Path owner = owner(folder);
        if (!Files.exists(owner)) {
            try {
                FileTime changed = Files.getLastModifiedTime(folder);
                return changed.toInstant().plus(UNOWNED_AGE).isBefore(now);
            } catch (IOException e) {
                return false;
            }
        }
        try (FileChannel channel = FileChannel.open(owner, StandardOpenOption.WRITE)) {
            FileLock free = channel.tryLock();
            if (free == null) {
                return false;
            }
            free.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // this process's own cache
        } catch (IOException e) {
            return false; // not ours to judge (another user's folder)
        }
    }

    /** Deletes a cache folder and its owner file; false when something could not be deleted. */
    static boolean delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(owner(folder));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
