package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

class FrameworkConfigurationTest {

    private final Path home = Path.of("/opt/cajal");
    private final Path storage = Path.of("/tmp/cajal-felix-1");

    @Test
    void defaultsPointAtTheDistribution() {
        Map<String, String> c = FrameworkConfiguration.build(home, storage, Map.of());
        assertEquals("/opt/cajal", c.get(CajalFramework.HOME_PROPERTY));
        assertEquals("/opt/cajal/plugins", c.get(CajalFramework.PLUGINS_DIR_PROPERTY));
        assertEquals("/tmp/cajal-felix-1", c.get(Constants.FRAMEWORK_STORAGE));
        assertEquals("onFirstInit", c.get(Constants.FRAMEWORK_STORAGE_CLEAN));
        assertEquals("org.cajal.launcher.spi;version=1.2.0,picocli;version=4.7.6", c.get(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA));
        assertEquals("4", c.get(Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
        assertEquals("3", c.get("felix.startlevel.bundle"), "plugins start with the platform's bundles");
        assertEquals("500", c.get("felix.fileinstall.poll"));
        assertEquals("true", c.get("felix.fileinstall.noInitialDelay"));
        assertEquals("true", c.get("felix.fileinstall.bundles.new.start"));
        assertEquals("jul", c.get("felix.fileinstall.log.default"), "FileInstall must not write to System.out");
    }

    @Test
    void callerEntriesWin() {
        Map<String, String> c = FrameworkConfiguration.build(home, storage,
                Map.of(CajalFramework.PLUGINS_DIR_PROPERTY, "/tmp/hot", "felix.fileinstall.poll", "100", "x.y", "z"));
        assertEquals("/tmp/hot", c.get(CajalFramework.PLUGINS_DIR_PROPERTY));
        assertEquals("100", c.get("felix.fileinstall.poll"));
        assertEquals("z", c.get("x.y"));
    }

    @Test
    void theFileInstallFilterTakesJarsAndConfigurationOnly() {
        String filter = FrameworkConfiguration.build(home, storage, Map.of()).get("felix.fileinstall.filter");
        assertEquals(true, "layers-extra.jar".matches(filter));
        assertEquals(true, "org.cajal.runtime.cfg".matches(filter));
        assertEquals(false, "README.txt".matches(filter));
    }
}
