package org.cajal.testkit;

import java.util.Objects;

import org.cajal.api.ComponentKind;

/**
 * A component registered in the running framework, as the test sees it.
 *
 * <p>The test's class loader is not the bundles' one: {@code org.cajal.api} classes on a plugin project's test class
 * path are not the classes the framework's services implement, so the service object cannot be cast to
 * {@code LayerType} or {@code Visualiser} here. Check behaviour through what a user would do instead (a pipeline
 * run with {@link RunningCajal#run}, a plot with {@link RunningCajal#command}), and unit-test the classes directly.
 *
 * @param kind the kind of component
 * @param id the component's id ({@code descriptor().id()}), what a pipeline file names
 * @param displayName the name the workbench shows
 * @param bundle the symbolic name of the bundle that registered it
 * @param bundleId the framework's id of that bundle
 * @param componentName the Declarative Services component name (the implementation class, unless renamed), or
 *        {@code null} for a service registered without DS
 */
public record InstalledComponent(ComponentKind kind, String id, String displayName, String bundle, long bundleId,
                                 String componentName) {

    public InstalledComponent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public String toString() {
        return kind.noun() + " '" + id + "' from " + bundle + " [" + bundleId + "]";
    }
}
