package org.cajal.runfolder;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The run-folder library's fault hook for the runtime's tests: the disk "fills up" at the first write of a file of
 * a given name, and stays full ({@code forever}) or lets later writes through.
 */
public final class FaultyDisk implements AutoCloseable {

    private FaultyDisk() {
    }

    /** From the first write of a file named {@code name} on, writes fail with "No space left on device". */
    public static FaultyDisk fullFrom(String name, boolean forever) {
        AtomicBoolean full = new AtomicBoolean();
        AtomicFiles.fault = file -> {
            boolean target = file.getFileName().toString().equals(name);
            if (target) {
                full.set(true);
            }
            if (target || (forever && full.get())) {
                throw new FileSystemException(file.toString(), null, "No space left on device");
            }
        };
        return new FaultyDisk();
    }

    @Override
    public void close() {
        AtomicFiles.fault = null;
    }
}
