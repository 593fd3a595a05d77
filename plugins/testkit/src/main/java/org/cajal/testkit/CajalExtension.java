package org.cajal.testkit;

import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that boots Cajal once per test JVM and passes the {@link RunningCajal} to test methods and
 * lifecycle methods that declare a parameter of that type:
 *
 * <pre>{@code
 * @ExtendWith(CajalExtension.class)
 * class MyPluginIT {
 *     @Test
 *     void itsLayerAppears(RunningCajal cajal) throws Exception { ... }
 * }
 * }</pre>
 *
 * The installation is the one {@link CajalHome#locate()} finds ({@code -Dcajal.home} or {@code CAJAL_HOME}); a
 * missing one fails the test class with a message saying how to name it. Every test class of the JVM shares the one
 * framework (ND4J binds to one class loader, and one boot keeps a suite fast), which is stopped when JUnit finishes:
 * a test that drops a plugin should remove it again ({@link DroppedPlugin#remove}).
 */
public final class CajalExtension implements BeforeAllCallback, ParameterResolver {

    private static RunningCajal shared;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        shared(context, Map.of());
    }

    /**
     * The framework shared by this JVM's tests, booted on the first call with {@code extraConfig} (later calls'
     * configuration is ignored) and stopped when the JUnit run ends. For extensions of one's own that need other
     * framework properties.
     *
     * @param context any extension context of the run
     * @param extraConfig framework properties for the boot, see {@link RunningCajal#boot(java.nio.file.Path, Map)}
     */
    public static RunningCajal shared(ExtensionContext context, Map<String, String> extraConfig) throws Exception {
        synchronized (CajalExtension.class) {
            return shared(context, shared == null ? CajalHome.locate() : shared.home(), extraConfig);
        }
    }

    /**
     * As {@link #shared(ExtensionContext, Map)}, booting a given installation rather than the one
     * {@link CajalHome#locate()} finds (on the first call only).
     */
    public static RunningCajal shared(ExtensionContext context, java.nio.file.Path home,
            Map<String, String> extraConfig) throws Exception {
        synchronized (CajalExtension.class) {
            if (shared == null) {
                RunningCajal booted = RunningCajal.boot(home, extraConfig);
                shared = booted;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(CajalExtension.class,
                        (ExtensionContext.Store.CloseableResource) () -> {
                            synchronized (CajalExtension.class) {
                                booted.close();
                                shared = null;
                            }
                        });
            }
            return shared;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningCajal.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return shared(context, Map.of());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cajal did not boot: " + e.getMessage(), e);
        }
    }
}
