package org.cajal.runtime.internal.train;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Words for a failure inside training: the innermost cause's message for the user, the stack trace for error.txt. */
public final class RunFailure {

    private RunFailure() {
    }

    /**
     * The failure in the user's words: for an I/O failure the outermost I/O message (the run-folder library's
     * "cannot write FILE: REASON" names the file), else the innermost cause's message; never a class name. The
     * caller adds where the details are (error.txt) only when it could write them.
     */
    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof OutOfMemoryError) {
            return "out of memory" + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")")
                    + "; use a smaller batchSize or model, or give Java more memory with CAJAL_OPTS=-Xmx8g";
        }
        return root.getMessage() == null || root.getMessage().isBlank() ? "an unexpected error inside training"
                : root.getMessage();
    }

    public static String stackTrace(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
