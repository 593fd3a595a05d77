package org.cajal.runfolder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;

/**
 * Writes the files of run and experiment folders so that a reader (the workbench, a second process, the next start
 * after a crash) sees the old or the new complete file, never a part: each file is written to a temporary file in
 * the same folder, forced to disk, then moved over its name. Lines of a log are appended and forced.
 */
public final class AtomicFiles {

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    /**
     * A failing disk for tests: when set, it is asked before each file is moved into place and before each line is
     * appended, and may throw as a full disk would. Null in use.
     */
    static volatile Fault fault;

    /** See {@link #fault}. */
    interface Fault {
        void check(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Fills a file at the given (temporary) path, e.g. DL4J's ModelSerializer writing a zip. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path target) throws IOException;
    }

    /** Writes UTF-8 text. */
    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes. */
    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        });
    }

    /**
     * Writes a file through a callback that fills a temporary path, then forces and moves it into place. On any
     * failure the temporary file is deleted, the file keeps its old content, and the exception names the file
     * ("cannot write FILE: REASON").
     */
    public static void write(Path file, Content content) throws IOException {
        try {
            writeOrFail(file, content);
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + reason(e), e);
        }
    }

    /** An I/O failure's reason without the temporary file's name ({@code No space left on device}). */
    private static String reason(IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
                : e.getMessage();
        return reason == null ? "the disk refused it" : reason;
    }

    private static void writeOrFail(Path file, Content content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporary(dir, file.getFileName().toString());
        try {
            content.writeTo(tmp);
            force(tmp);
            Fault f = fault;
            if (f != null) {
                f.check(file);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the write's own failure, if any, is the one to report; a run's failure handling sweeps leftovers
            }
        }
    }

    /**
     * Appends one line (a newline is added) and forces it to disk before returning, so a line that was reported
     * survives a kill. A reader of such a log skips a last line cut off by a kill.
     */
    public static void appendLine(Path file, String line) throws IOException {
        Fault f = fault;
        if (f != null) {
            f.check(file);
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Deletes a folder and everything in it (nothing happens when it does not exist). */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A temporary file beside the target, created readable by everyone (rw-r--r--, less what the umask takes) like
     * any file a program writes, not owner-only as {@link Files#createTempFile} makes it: a colleague can read a
     * shared run store.
     */
    private static Path temporary(Path dir, String name) throws IOException {
        String prefix = "." + name + ".";
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(READABLE));
        }
        return Files.createTempFile(dir, prefix, ".tmp");
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }
}
