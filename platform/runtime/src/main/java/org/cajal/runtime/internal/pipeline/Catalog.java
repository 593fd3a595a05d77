package org.cajal.runtime.internal.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.cajal.api.ComponentKind;
import org.cajal.api.Describable;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.Preprocessor;
import org.cajal.api.model.ArchitectureProvider;
import org.cajal.api.model.LayerType;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.train.OptimizerProvider;

/**
 * A snapshot of the components installed at one moment, by kind and id. Services come and go; a run works on
 * the snapshot taken when it was validated, so a component vanishing mid-check gives a clear problem, not a crash.
 */
public record Catalog(Kind<DatasetProvider> datasets, Kind<Preprocessor> preprocessors, Kind<LayerType> layers,
               Kind<OptimizerProvider> optimizers, Kind<ArchitectureProvider> architectures) {

    public static Catalog of(Collection<DatasetProvider> datasets, Collection<Preprocessor> preprocessors,
                      Collection<LayerType> layers, Collection<OptimizerProvider> optimizers,
                      Collection<ArchitectureProvider> architectures) {
        return new Catalog(new Kind<>(ComponentKind.DATASET, datasets),
                new Kind<>(ComponentKind.PREPROCESSOR, preprocessors), new Kind<>(ComponentKind.LAYER_TYPE, layers),
                new Kind<>(ComponentKind.OPTIMIZER, optimizers), new Kind<>(ComponentKind.ARCHITECTURE, architectures));
    }

    /** The installed components of one kind, by id; when two share an id, the first registered wins. */
    public static final class Kind<T extends Describable> {
        private final ComponentKind kind;
        private final Map<String, T> byId = new TreeMap<>();

        Kind(ComponentKind kind, Collection<T> components) {
            this.kind = kind;
            for (T c : components) {
                byId.putIfAbsent(c.id(), c);
            }
        }

        /** What one component of this kind is called in messages ("layer type"). */
        public String noun() {
            return kind.noun();
        }

        public Optional<T> get(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        public List<String> ids() {
            return List.copyOf(byId.keySet());
        }

        /** The installed components, in id order. */
        public java.util.Collection<T> all() {
            return java.util.Collections.unmodifiableCollection(byId.values());
        }

        /** Looks a component up; if it is not installed, adds a problem naming it and the installed ones. */
        public T find(String id, String path, List<Problem> problems) {
            T c = byId.get(id);
            if (c == null) {
                String installed = byId.isEmpty() ? "none is installed" : "installed: " + String.join(", ", byId.keySet());
                problems.add(new Problem(path, "no " + kind.noun() + " '" + id + "' is installed"
                        + Suggestions.didYouMean(id, byId.keySet()) + "; " + installed
                        + " (a plugin that provides it may be missing from plugins/)"));
            }
            return c;
        }
    }
}
