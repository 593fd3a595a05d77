package org.cajal.runfolder;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A failure's message for the user. Java's file-system exceptions carry only the path as their message ("error:
 * /x/out.txt" says nothing); this names the path and what is wrong with it. Any other failure keeps its message.
 */
public final class FileMessages {

    private FileMessages() {
    }

    /** The path and what is wrong with it for a file-system failure, else the failure's own message. */
    public static String of(Throwable e) {
        if (!(e instanceof FileSystemException f) || f.getFile() == null) {
            return e.getMessage() == null ? "an unexpected fault with no message for you (please report it)"
                    : e.getMessage();
        }
        String file = f.getFile() + (f.getOtherFile() == null ? "" : " (and " + f.getOtherFile() + ")");
        String what;
        if (e instanceof NoSuchFileException) {
            what = " not found";
        } else if (e instanceof FileAlreadyExistsException) {
            what = " is in the way: a file or folder of that name already exists where Cajal needs to create one; "
                    + "choose another name or move it";
        } else if (e instanceof AccessDeniedException) {
            what = " cannot be used: permission denied; check its permissions and those of its folder";
        } else if (e instanceof NotDirectoryException) {
            what = " is a file where a folder is needed";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = " is a folder that is not empty";
        } else {
            what = ": " + (f.getReason() == null ? "cannot be read or written" : f.getReason());
        }
        return file + what;
    }
}
