package org.cajal.api;

import org.osgi.annotation.versioning.ConsumerType;

/** Something contributed by a bundle that describes itself: the workbench, the runtime and the docs read this. */
@ConsumerType
public interface Describable {

    /** The description of this component; the same object on every call. */
    ComponentDescriptor descriptor();

    /** Shortcut for {@code descriptor().id()}. */
    default String id() {
        return descriptor().id();
    }
}
