package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Framework caches of dead processes (a free owner lock, or no owner and untouched for an hour) are deleted at the
 * next start; a live process's cache, this one's included, and a fresh unowned one are left alone.
 */
class FrameworkCacheTest {

    @Test
    void deadProcessesCachesGoAndLiveOnesStay(@TempDir Path tmp) throws Exception {
        Instant now = Instant.now();
        Path dead = Files.createDirectory(tmp.resolve(FrameworkCache.PREFIX + "dead"));
        Files.writeString(dead.resolve("bundle.jar"), "x");
        Files.createFile(tmp.resolve(dead.getFileName() + FrameworkCache.OWNER)); // its lock died with it
        Path oldUnowned = Files.createDirectory(tmp.resolve(FrameworkCache.PREFIX + "old"));
        Files.setLastModifiedTime(oldUnowned, FileTime.from(now.minus(Duration.ofHours(2))));
        Path freshUnowned = Files.createDirectory(tmp.resolve(FrameworkCache.PREFIX + "fresh"));
        Path other = Files.createDirectory(tmp.resolve("someone-else"));
        try (FrameworkCache live = FrameworkCache.create(tmp)) {
            List<Path> removed = FrameworkCache.removeStale(tmp, now);
            assertEquals(List.of(dead, oldUnowned).stream().sorted().toList(), removed.stream().sorted().toList());
            assertFalse(Files.exists(dead));
            assertFalse(Files.exists(tmp.resolve(dead.getFileName() + FrameworkCache.OWNER)), "its lock file too");
            assertTrue(Files.isDirectory(live.folder()), "a live process's cache stays");
            assertTrue(Files.isDirectory(freshUnowned), "a fresh cache without an owner may be starting");
            assertTrue(Files.isDirectory(other));
        }
        // a closed cache's owner deletes it; left over without an owner, it goes once it is an hour old
        assertEquals(2, FrameworkCache.removeStale(tmp, now.plus(Duration.ofHours(2))).size());
        assertTrue(Files.isDirectory(other));
    }
}
