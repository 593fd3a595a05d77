package org.cajal.workbench.core;

/** What the views say about a failure: its own message, else its type's name (never a stack trace). */
public final class Messages {

    private Messages() {
    }

    /** The exception's message, or its class's simple name when it has none. */
    public static String of(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
