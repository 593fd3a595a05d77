package org.cajal.workbench.core;

/** How panels tell the user something: a message in the window (never a stack trace). Any thread. */
public interface Notifier {

    /** Shows an error with the runtime's message (which file, which layer, how to fix). */
    void error(String title, String message);

    /** A short line in the status bar. */
    void status(String message);
}
