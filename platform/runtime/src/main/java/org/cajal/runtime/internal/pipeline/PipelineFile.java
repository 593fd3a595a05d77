package org.cajal.runtime.internal.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;

/**
 * Reads a pipeline file's text: UTF-8, a leading byte-order mark dropped; a missing, unreadable or non-UTF-8 file
 * is a {@link PipelineException} that says why and what to do.
 */
final class PipelineFile {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private PipelineFile() {
    }

    /** The file's text, without a leading byte-order mark. */
    static String read(Path file) throws PipelineException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw problem(file, "is a folder, not a pipeline file; give the path of a .json file"
                    + " (e.g. " + file.resolve("pipeline.json") + ")");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            throw problem(file, "not found (looked for " + absolute + "); check the path, e.g. examples/xor.json");
        } catch (AccessDeniedException e) {
            throw problem(file, "cannot be read: permission denied; give yourself read access"
                    + " (e.g. chmod u+r " + file + ") or copy the file somewhere you can read it");
        } catch (FileSystemException e) {
            throw problem(file, "cannot be read: " + (e.getReason() == null ? "the file system refused" : e.getReason())
                    + "; check that " + absolute + " is a readable file");
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e.getMessage() + "; check that " + absolute
                    + " is a readable file");
        }
        String text = decode(file, bytes);
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    private static String decode(Path file, byte[] bytes) throws PipelineException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(file, bytes, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static PipelineException notUtf8(Path file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return problem(file, String.format("line %d, byte %d of the line (byte %d of the file)", line,
                offset - lineStart + 1, offset + 1), String.format("the file is not UTF-8 text (byte 0x%02X is not"
                + " valid UTF-8; it was probably saved as Latin-1 or Windows-1252); re-save it as UTF-8 in your"
                + " editor, or convert it, e.g. iconv -f latin1 -t utf-8 %s > fixed.json", bytes[offset] & 0xFF,
                file));
    }

    private static PipelineException problem(Path file, String message) {
        return problem(file, "file", message);
    }

    private static PipelineException problem(Path file, String location, String message) {
        return new PipelineException(file.toString(), new Problem(location, message));
    }
}
