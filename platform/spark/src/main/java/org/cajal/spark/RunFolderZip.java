package org.cajal.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A run folder as zip bytes (entries {@code NAME/file}, the lock file {@code .running} left out), and back. */
final class RunFolderZip {

    /** The runtime's lock file: held while a run runs, meaningless once it has ended. */
    static final String LOCK_FILE = ".running";

    private RunFolderZip() {
    }

    static byte[] zip(Path folder) throws IOException {
        String name = folder.getFileName().toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.sorted().toList();
            for (Path p : paths) {
                String relative = folder.relativize(p).toString().replace('\\', '/');
                if (relative.equals(LOCK_FILE)) {
                    continue;
                }
                String entry = relative.isEmpty() ? name + "/" : name + "/" + relative + (Files.isDirectory(p) ? "/" : "");
                out.putNextEntry(new ZipEntry(entry));
                if (Files.isRegularFile(p)) {
                    Files.copy(p, out);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Deletes a folder and everything in it, quietly: a temporary folder of an executor. */
    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover in the executor's temporary folder: Spark's work folder cleanup removes it
        }
    }
}
