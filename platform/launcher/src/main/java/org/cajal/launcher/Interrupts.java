package org.cajal.launcher;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrl-C on a headless command. The first stops the framework as SIGTERM does (the shutdown hook): runs stop after
 * their mini-batch, are evaluated with the model so far, saved and recorded as cancelled, which can take a while. A
 * second Ctrl-C exits at once: a run not yet saved is left as it is, and reads as interrupted (its lock dies with
 * the process), resumable with {@code cajal resume}. The framework cache left behind is deleted at the next start
 * ({@link FrameworkCache}).
 */
final class Interrupts {

    /** The exit status of a process ended by SIGINT (128 + 2), as the JVM's own handler gives. */
    static final int STATUS = 130;

    private Interrupts() {
    }

    /** Installs the handler; without signal support (another JVM) the JVM's own handling stays. */
    static void install(PrintStream err) {
        AtomicInteger count = new AtomicInteger();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
                if (count.incrementAndGet() == 1) {
                    err.println("\ncajal: stopping: a run saves what it has (press Ctrl-C again to quit at once, "
                            + "leaving it interrupted; cajal resume RUN goes on with it)");
                    // exit on a thread of its own: this one must stay free to take a second Ctrl-C
                    Thread exit = new Thread(() -> System.exit(STATUS), "cajal-interrupt");
                    exit.start();
                } else {
                    err.println("\ncajal: quitting at once; an unfinished run is left interrupted (cajal resume RUN)");
                    Runtime.getRuntime().halt(STATUS);
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // no such signal here: the JVM's own handling (one Ctrl-C, the shutdown hook) stays
        }
    }
}
