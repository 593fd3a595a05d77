package org.cajal.workbench.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cajal.api.ComponentKind;
import org.cajal.api.ComponentDescriptor;

/**
 * An immutable snapshot of the components installed right now (every DatasetProvider, Preprocessor, LayerType,
 * OptimizerProvider, ArchitectureProvider and Visualiser service). A new snapshot replaces it whenever a bundle
 * comes or goes; {@link Workbench#onCatalogChange} says when.
 */
public record Catalog(List<Entry> entries) {

    public static final Catalog EMPTY = new Catalog(List.of());

    public Catalog {
        entries = entries.stream()
                .sorted(Comparator.comparing((Entry e) -> e.kind().ordinal())
                        .thenComparing(e -> e.descriptor().category())
                        .thenComparing(e -> e.descriptor().displayName()))
                .toList();
    }

    /**
     * One installed component.
     *
     * @param service the service object (a LayerType, Visualiser, ...), for the few callers that need it
     * @param bundle  the symbolic name of the bundle that registered it
     */
    public record Entry(ComponentKind kind, ComponentDescriptor descriptor, Object service, String bundle) {
        public Entry {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(descriptor);
            Objects.requireNonNull(service);
            bundle = Objects.requireNonNullElse(bundle, "");
        }

        public String id() {
            return descriptor.id();
        }
    }

    /** Entries of one kind, sorted by category then display name. */
    public List<Entry> of(ComponentKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The component of that kind with that id, if installed. */
    public Optional<Entry> find(ComponentKind kind, String id) {
        return entries.stream().filter(e -> e.kind() == kind && e.id().equals(id)).findFirst();
    }

    public Optional<ComponentDescriptor> descriptor(ComponentKind kind, String id) {
        return find(kind, id).map(Entry::descriptor);
    }

    /** Services of one kind, cast (e.g. {@code services(ComponentKind.VISUALISER, Visualiser.class)}). */
    public <T> List<T> services(ComponentKind kind, Class<T> type) {
        return of(kind).stream().map(Entry::service).filter(type::isInstance).map(type::cast).toList();
    }
}
