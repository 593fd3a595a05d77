package org.cajal.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cajal.api.ComponentKind;
import org.cajal.launcher.CajalFramework;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The components registered in a {@link RunningCajal}'s framework, by kind and id, read through the system bundle
 * and reflection (a component's classes are the framework's, not the test's: see {@link InstalledComponent}).
 */
final class ComponentRegistry {

    private static final String DESCRIBABLE = "org.cajal.api.Describable";
    /** The runtime bundle's symbolic name. */
    private static final String RUNTIME = "org.cajal.runtime";
    private static final long POLL_MILLIS = 100;

    private final CajalFramework framework;
    /** The framework's bundles that are not active, with their errors, for failure messages. */
    private final Supplier<String> problems;

    ComponentRegistry(CajalFramework framework, Supplier<String> problems) {
        this.framework = framework;
        this.problems = problems;
    }

    /** The components of one kind registered now, sorted by id. */
    List<InstalledComponent> components(ComponentKind kind) {
        BundleContext context = framework.context();
        ServiceReference<?>[] refs;
        try {
            // all, not only those whose class the test's class loader shares: a plugin project has the API on its
            // test class path (provided scope), a different copy from the framework's
            refs = context.getAllServiceReferences(kind.serviceInterface(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs == null) {
            return List.of();
        }
        List<InstalledComponent> found = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            describe(kind, ref).ifPresent(found::add);
        }
        found.sort(Comparator.comparing(InstalledComponent::id));
        return found;
    }

    /** The registered component of a kind with this id, if there is one now. */
    Optional<InstalledComponent> component(ComponentKind kind, String id) {
        return components(kind).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * Waits until a component of this kind and id is registered.
     *
     * @throws AssertionError when it does not appear in time; the message lists the ids of that kind that are
     *         installed and the bundles that are not active (with their errors)
     */
    InstalledComponent awaitComponent(ComponentKind kind, String id, Duration timeout)
            throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<InstalledComponent> found = component(kind, id);
            if (found.isPresent() && boundByRuntime(kind, id)) {
                return found.get();
            }
            if (System.nanoTime() > end) {
                throw new AssertionError(found.isPresent()
                        ? "the " + found.get() + " is registered but the runtime did not take it up within "
                                + timeout.toSeconds() + " s" + problems.get()
                        : "no " + kind.noun() + " '" + id + "' appeared within " + timeout.toSeconds()
                                + " s; installed: " + ids(kind) + problems.get());
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * Whether the runtime has taken the component up (its whiteboard of installed components uses the service),
     * so that a pipeline run now can name it: a service is visible in the registry a moment before every listener,
     * the runtime's among them, has been told of it (its component activated and bound). True when no runtime is
     * active.
     */
    private boolean boundByRuntime(ComponentKind kind, String id) {
        BundleContext context = framework.context();
        Bundle runtime = null;
        for (Bundle b : context.getBundles()) {
            if (RUNTIME.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                runtime = b;
            }
        }
        if (runtime == null) {
            return true;
        }
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(kind.serviceInterface(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Optional<InstalledComponent> c = describe(kind, ref);
            if (c.isPresent() && c.get().id().equals(id)) {
                Bundle[] users = ref.getUsingBundles();
                if (users != null) {
                    for (Bundle u : users) {
                        if (u.getBundleId() == runtime.getBundleId()) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Waits until no component of this kind and id is registered any more.
     *
     * @throws AssertionError when it is still there after {@code timeout}, naming the bundle that registers it
     */
    void awaitComponentGone(ComponentKind kind, String id, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<InstalledComponent> found = component(kind, id);
            if (found.isEmpty()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the " + found.get() + " was still registered " + timeout.toSeconds()
                        + " s later");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }


    String ids(ComponentKind kind) {
        List<InstalledComponent> all = components(kind);
        return all.isEmpty() ? "none" : all.stream().map(InstalledComponent::id).collect(Collectors.joining(", "));
    }

    Optional<InstalledComponent> describe(ComponentKind kind, ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return Optional.empty(); // unregistered meanwhile
        }
        BundleContext context = framework.context();
        Object service = context.getService(ref);
        if (service == null) {
            return Optional.empty();
        }
        try {
            Object descriptor = invoke(describable(service.getClass()), "descriptor", service);
            String id = (String) invoke(descriptor.getClass(), "id", descriptor);
            String name = (String) invoke(descriptor.getClass(), "displayName", descriptor);
            Object component = ref.getProperty("component.name");
            return Optional.of(new InstalledComponent(kind, id, name, bundle.getSymbolicName(), bundle.getBundleId(),
                    component == null ? null : component.toString()));
        } finally {
            context.ungetService(ref);
        }
    }

    /** org.cajal.api.Describable as the service's own class loader sees it. */
    private static Class<?> describable(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Class<?> found = DESCRIBABLE.equals(i.getName()) ? i : describable(i);
                if (found != null) {
                    return found;
                }
            }
        }
        if (type.isInterface()) {
            return null;
        }
        throw new IllegalStateException(type.getName() + " is registered as a component but does not implement "
                + DESCRIBABLE);
    }

    private static Object invoke(Class<?> owner, String method, Object target) {
        try {
            Method m = owner.getMethod(method);
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(owner.getName() + "." + method + "() failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + owner.getName() + "." + method + "(): " + e, e);
        }
    }
}
