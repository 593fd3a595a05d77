package org.cajal.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

/** Java's file-system failures, whose message is only a path, said with what is wrong. */
class FileMessagesTest {

    @Test
    void eachFileSystemFailureSaysWhatIsWrongWithThePath() {
        assertEquals("/x/out not found", FileMessages.of(new NoSuchFileException("/x/out")));
        assertEquals("/x/out is in the way: a file or folder of that name already exists where Cajal needs to "
                + "create one; choose another name or move it", FileMessages.of(new FileAlreadyExistsException("/x/out")));
        assertEquals("/x/out cannot be used: permission denied; check its permissions and those of its folder",
                FileMessages.of(new AccessDeniedException("/x/out")));
        assertEquals("/x/out: No space left on device",
                FileMessages.of(new FileSystemException("/x/out", null, "No space left on device")));
        assertEquals("cannot write /x/out: disk full", FileMessages.of(new IOException("cannot write /x/out: disk full")));
    }
}
