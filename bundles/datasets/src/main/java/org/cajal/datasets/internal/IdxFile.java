package org.cajal.datasets.internal;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.cajal.api.data.DatasetException;

/**
 * One IDX file (the MNIST format: a magic number, the dimension sizes as big-endian ints, then the values),
 * gzip-compressed or not, recognised by its first two bytes rather than its name. It hashes the file's bytes as
 * they pass, so that {@link #finish()} gives the SHA-256 of the whole file for provenance.
 *
 * <p>Call order: {@link #open}, {@link #header}, {@link #read} (any number of times), {@link #finish}, {@link #close}.
 */
final class IdxFile implements AutoCloseable {

    /** IDX type code of unsigned bytes, the only value type MNIST-style files use. */
    static final int UNSIGNED_BYTE = 0x08;

    private static final int GZIP_MAGIC_FIRST = 0x1f;
    private static final int GZIP_MAGIC_SECOND = 0x8b;

    private final Path file;
    private final DigestInputStream raw;
    private final DataInputStream in;
    private final boolean gzip;
    private final String expected;

    private IdxFile(Path file, DigestInputStream raw, DataInputStream in, boolean gzip, String expected) {
        this.file = file;
        this.raw = raw;
        this.in = in;
        this.gzip = gzip;
        this.expected = expected;
    }

    /**
     * Opens a file and looks at its first bytes.
     *
     * @param expected what the file should hold, for messages ({@code IDX images (magic 0x00000803)})
     */
    static IdxFile open(Path file, String expected) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("IDX file " + file + " not found" + (Files.isDirectory(file)
                    ? " (it is a folder); name the file inside it" : "; relative paths resolve against the "
                    + "pipeline file's folder"));
        }
        DigestInputStream raw;
        try {
            raw = new DigestInputStream(Files.newInputStream(file), sha256());
        } catch (IOException e) {
            throw new DatasetException("could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            boolean gzip = buffered.read() == GZIP_MAGIC_FIRST && buffered.read() == GZIP_MAGIC_SECOND;
            buffered.reset();
            InputStream content = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return new IdxFile(file, raw, new DataInputStream(content), gzip, expected);
        } catch (IOException e) {
            closeAfterFailure(raw, e);
            String why = e instanceof ZipException || e instanceof EOFException
                    ? " starts like a gzip file but is not a complete one (" + e.getMessage() + "); download it again"
                    : ": " + e.getMessage();
            throw new DatasetException((why.startsWith(":") ? "could not read " : "") + file + why, e);
        }
    }

    private static void closeAfterFailure(InputStream stream, IOException failure) {
        try {
            stream.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Reads the magic number and the dimension sizes.
     *
     * @param dimensions how many dimensions the file must have (3 for images, 1 for labels)
     * @throws DatasetException if the magic number is not that of unsigned bytes in that many dimensions
     */
    int[] header(int dimensions) throws DatasetException {
        int wanted = UNSIGNED_BYTE << 8 | dimensions;
        try {
            int magic = in.readInt();
            if (magic != wanted) {
                throw new DatasetException(describe() + " has magic number " + hex(magic) + " but " + expected
                        + " start with " + hex(wanted) + " (unsigned bytes, " + dimensions + " dimension"
                        + (dimensions == 1 ? "" : "s") + ")" + hint(magic));
            }
            int[] sizes = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = in.readInt();
            }
            return sizes;
        } catch (EOFException e) {
            throw new DatasetException(describe() + " is truncated: it ends inside the " + (4 + 4 * dimensions)
                    + "-byte header of " + expected + "; download it again", e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /**
     * Fills the array with the next values.
     *
     * @param promise what the header announced, for the message if the file ends early
     */
    void read(byte[] into, String promise) throws DatasetException {
        try {
            int got = in.readNBytes(into, 0, into.length);
            if (got < into.length) {
                throw new DatasetException(describe() + " is truncated: its header announces " + promise
                        + ", so " + into.length + " bytes were expected after the header, but the "
                        + (gzip ? "decompressed " : "") + "data ends after " + got + "; download it again");
            }
        } catch (EOFException e) {
            throw new DatasetException(describe() + " is truncated: the compressed data ends before the "
                    + promise + " its header announces are complete; download it again", e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Reads the rest of the file's bytes (not decompressing them) and returns the hex SHA-256 of the whole file. */
    String finish() throws DatasetException {
        try {
            raw.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(raw.getMessageDigest().digest());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() throws DatasetException {
        try {
            in.close();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** {@code train-images-idx3-ubyte.gz (gzip)}, how messages name the file. */
    String describe() {
        return file + (gzip ? " (gzip)" : "");
    }

    private DatasetException failure(IOException e) {
        return new DatasetException("could not read " + describe() + ": " + e.getMessage(), e);
    }

    /** Says what the file probably is when its magic number is another IDX kind (images for labels, or the reverse). */
    private static String hint(int magic) {
        if (magic == (UNSIGNED_BYTE << 8 | 1)) {
            return "; this looks like a labels file: check that images and labels are not swapped";
        }
        if (magic == (UNSIGNED_BYTE << 8 | 3)) {
            return "; this looks like an images file: check that images and labels are not swapped";
        }
        return "; it is not an IDX file of unsigned bytes (MNIST format)";
    }

    private static String hex(int value) {
        return String.format("0x%08X", value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
