package org.cajal.itests;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Frame;
import java.awt.KeyboardFocusManager;
import java.awt.Window;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.AbstractButton;
import javax.swing.JLabel;
import javax.swing.text.JTextComponent;

/**
 * What a failing workbench test reports about the screen, so a failure on a machine nobody can watch (CI) says why:
 * the windows showing, which one has the focus, the dialogs that block input with their text, and the threads.
 */
final class SwingState {

    private static final int TEXT_LIMIT = 400;
    private static final int STACK_DEPTH = 25;
    private static final int EDT_WAIT_SECONDS = 5;

    private SwingState() {
    }

    /** Every showing window: kind, title, name, modality, focus, and for dialogs their text and buttons. */
    static String describe() {
        String windows = onEdt(() -> {
            KeyboardFocusManager focus = KeyboardFocusManager.getCurrentKeyboardFocusManager();
            StringBuilder out = new StringBuilder("windows showing (focused: ")
                    .append(name(focus.getFocusedWindow())).append(", active: ").append(name(focus.getActiveWindow()))
                    .append(", focus owner: ").append(focus.getFocusOwner() == null ? "none"
                            : focus.getFocusOwner().getClass().getSimpleName() + " '"
                            + focus.getFocusOwner().getName() + "'").append("):\n");
            for (Window window : Window.getWindows()) {
                if (window.isShowing()) {
                    out.append("  ").append(name(window)).append(window instanceof Dialog d && d.isModal()
                            ? " [modal]" : "").append(window instanceof Dialog ? " text: " + text(window) : "")
                            .append('\n');
                }
            }
            return out.toString();
        });
        return windows != null ? windows
                : "(the event-dispatch thread did not answer within " + EDT_WAIT_SECONDS + " s)\n" + threads();
    }

    /** The modal dialogs showing now, with their text; empty when there is none (or the EDT does not answer). */
    static String modalDialogs() {
        String dialogs = onEdt(() -> {
            StringBuilder out = new StringBuilder();
            for (Window window : Window.getWindows()) {
                if (window instanceof Dialog dialog && dialog.isModal() && dialog.isShowing()) {
                    out.append("  ").append(name(dialog)).append(" text: ").append(text(dialog)).append('\n');
                }
            }
            return out.toString();
        });
        return dialogs == null ? "" : dialogs; // a busy event-dispatch thread: let the click try
    }

    /** The event-dispatch thread's and every other non-daemon thread's stack, for a command that does not end. */
    static String threads() {
        StringBuilder out = new StringBuilder("threads:\n");
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            Thread thread = find(info.getThreadId());
            boolean edt = info.getThreadName().startsWith("AWT-EventQueue");
            if (!edt && (thread == null || thread.isDaemon())) {
                continue;
            }
            out.append("  \"").append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                out.append(" on ").append(info.getLockName());
                if (info.getLockOwnerName() != null) {
                    out.append(" held by \"").append(info.getLockOwnerName()).append('"');
                }
            }
            out.append('\n');
            StackTraceElement[] stack = info.getStackTrace();
            for (int i = 0; i < Math.min(STACK_DEPTH, stack.length); i++) {
                out.append("      at ").append(stack[i]).append('\n');
            }
        }
        return out.toString();
    }

    private static Thread find(long id) {
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            if (entry.getKey().getId() == id) {
                return entry.getKey();
            }
        }
        return null;
    }

    private static String name(Window window) {
        if (window == null) {
            return "none";
        }
        String title = window instanceof Frame frame ? frame.getTitle()
                : window instanceof Dialog dialog ? dialog.getTitle() : "";
        return window.getClass().getSimpleName() + " '" + title + "'"
                + (window.getName() == null ? "" : " (" + window.getName() + ")");
    }

    /** Labels, text components and buttons of a dialog, in order, shortened. */
    private static String text(Container container) {
        List<String> parts = new ArrayList<>();
        collect(container, parts);
        String joined = String.join(" | ", parts);
        return joined.length() > TEXT_LIMIT ? joined.substring(0, TEXT_LIMIT) + "…" : joined;
    }

    private static void collect(Component component, List<String> parts) {
        if (component instanceof JLabel label && label.getText() != null && !label.getText().isBlank()) {
            parts.add(label.getText());
        } else if (component instanceof JTextComponent text && !text.getText().isBlank()) {
            parts.add(text.getText().strip());
        } else if (component instanceof AbstractButton button && button.getText() != null
                && !button.getText().isBlank()) {
            parts.add("[" + button.getText() + "]");
        }
        if (component instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, parts);
            }
        }
    }

    /** Runs on the event-dispatch thread, but gives up after a few seconds (null then): a stuck one is an answer. */
    private static String onEdt(java.util.function.Supplier<String> what) {
        java.util.concurrent.CompletableFuture<String> result = new java.util.concurrent.CompletableFuture<>();
        javax.swing.SwingUtilities.invokeLater(() -> {
            try {
                result.complete(what.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(EDT_WAIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }
}
