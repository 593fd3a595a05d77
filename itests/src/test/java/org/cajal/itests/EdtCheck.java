package org.cajal.itests;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.swing.JComponent;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

/**
 * Records every Swing component that is invalidated or marked dirty off the event-dispatch thread — the sign of a
 * service callback, training event or background result that did not hop to the event-dispatch thread. Even
 * {@code repaint()} counts: it is thread-safe itself, but in this window every change that leads to one (a label's
 * text, a chart's data) must happen on the event-dispatch thread. Unlike AssertJ Swing's
 * FailOnThreadViolationRepaintManager, which throws in the offending thread (where an executor may swallow it),
 * this keeps the violations for the test to assert on.
 */
final class EdtCheck extends RepaintManager {

    private final List<String> violations = new ArrayList<>();

    static EdtCheck install() {
        EdtCheck check = new EdtCheck();
        RepaintManager.setCurrentManager(check);
        return check;
    }

    @Override
    public synchronized void addInvalidComponent(JComponent component) {
        check(component);
        super.addInvalidComponent(component);
    }

    @Override
    public void addDirtyRegion(JComponent component, int x, int y, int w, int h) {
        check(component);
        super.addDirtyRegion(component, x, y, w, h);
    }

    /** The violations seen so far, cleared. */
    synchronized List<String> take() {
        List<String> copy = List.copyOf(violations);
        violations.clear();
        return copy;
    }

    private void check(JComponent component) {
        if (SwingUtilities.isEventDispatchThread()) {
            return;
        }
        StackTraceElement[] stack = new Throwable().getStackTrace();
        String where = Arrays.stream(stack).skip(2).limit(12).map(StackTraceElement::toString)
                .collect(Collectors.joining("\n    at "));
        synchronized (this) {
            violations.add(component.getClass().getName() + " '" + component.getName() + "' changed on thread "
                    + Thread.currentThread().getName() + "\n    at " + where);
        }
    }
}
