package org.cajal.workbench.core;

/** What the views say about a failure: its own message in Cajal's words, never a class name or a stack trace. */
public final class Messages {

    /** Said for a fault that carries no message meant for the user (a defect, not the user's input). */
    public static final String UNEXPECTED = "an unexpected fault inside Cajal or a plugin, with no message for you; "
            + "please report it";

    private Messages() {
    }

    /**
     * The exception's message; for running out of memory what to do; for a failure with no message, or a
     * programming fault whose message names Java internals (a null reference, a wrong cast), {@link #UNEXPECTED}.
     */
    public static String of(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory; use a smaller batch size or model, close other runs, or give Java more memory "
                    + "(CAJAL_OPTS=-Xmx8g)";
        }
        String m = e.getMessage();
        boolean internal = e instanceof NullPointerException || e instanceof ClassCastException;
        return m == null || m.isBlank() || internal ? UNEXPECTED : m;
    }
}
