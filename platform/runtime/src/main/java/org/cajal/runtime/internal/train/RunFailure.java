package org.cajal.runtime.internal.train;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Words for a failure inside training: the innermost cause's message for the user, the stack trace for error.txt. */
public final class RunFailure {

    private RunFailure() {
    }

    public static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof OutOfMemoryError) {
            return "out of memory (" + msg + "); use a smaller batchSize or model, or give Java more memory "
                    + "with CAJAL_OPTS=-Xmx8g";
        }
        return msg + " (" + root.getClass().getSimpleName() + "; details in error.txt of the run folder)";
    }

    public static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
