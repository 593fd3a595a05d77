package org.cajal.workbench.core;

import java.util.Optional;
import java.util.function.Supplier;

import org.cajal.experiments.Repeats;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.RunStore;
import org.cajal.experiments.Searches;

/**
 * The experiments bundle's services as the window sees them now: each one may be absent (the bundle
 * {@code org.cajal.experiments} not started, or stopped in the Plugins view), and comes and goes at any time.
 * Views ask on every use and disable what needs a missing service, with {@link #MISSING} as the tooltip; they
 * check again when {@link Workbench#onCatalogChange} tells them something changed. Any thread.
 */
public final class ExperimentServices {

    /** Why a button that needs the experiments services is disabled. */
    public static final String MISSING = "Needs the experiments bundle (org.cajal.experiments), which is not "
            + "running: start it in the Plugins view";

    /** No services at all (tests, or a window made before the bundle is known). */
    public static final ExperimentServices NONE = new ExperimentServices(() -> null, () -> null, () -> null,
            () -> null);

    private final Supplier<RunStore> runStore;
    private final Supplier<Searches> searches;
    private final Supplier<Repeats> repeats;
    private final Supplier<Reproducibility> reproducibility;

    public ExperimentServices(Supplier<RunStore> runStore, Supplier<Searches> searches, Supplier<Repeats> repeats,
                              Supplier<Reproducibility> reproducibility) {
        this.runStore = runStore;
        this.searches = searches;
        this.repeats = repeats;
        this.reproducibility = reproducibility;
    }

    public Optional<RunStore> runStore() {
        return Optional.ofNullable(runStore.get());
    }

    public Optional<Searches> searches() {
        return Optional.ofNullable(searches.get());
    }

    public Optional<Repeats> repeats() {
        return Optional.ofNullable(repeats.get());
    }

    public Optional<Reproducibility> reproducibility() {
        return Optional.ofNullable(reproducibility.get());
    }
}
