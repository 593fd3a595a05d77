package org.cajal.workbench.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Which step of the pipeline is selected (event-dispatch thread only). */
public final class Selection {

    private final List<Consumer<Optional<Step>>> listeners = new ArrayList<>();
    private Step selected;

    public Optional<Step> get() {
        return Optional.ofNullable(selected);
    }

    public void select(Step step) {
        if (java.util.Objects.equals(step, selected)) {
            return;
        }
        selected = step;
        for (Consumer<Optional<Step>> l : List.copyOf(listeners)) {
            l.accept(get());
        }
    }

    public void clear() {
        select(null);
    }

    public void addListener(Consumer<Optional<Step>> listener) {
        listeners.add(listener);
    }
}
