package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class JvmDefaultsTest {

    private final Path userHome = Path.of("/home/ada");

    @Test
    void headlessRunsLogWarningsOnlyUnlessVerbose() {
        assertEquals("warn", JvmDefaults.defaults(false, false, userHome).get(JvmDefaults.LOG_LEVEL));
        assertEquals("info", JvmDefaults.defaults(false, true, userHome).get(JvmDefaults.LOG_LEVEL));
        assertEquals("info", JvmDefaults.defaults(true, false, userHome).get(JvmDefaults.LOG_LEVEL));
    }

    @Test
    void javacppCacheLivesUnderTheUsersCajalFolder() {
        Map<String, String> d = JvmDefaults.defaults(false, false, userHome);
        assertEquals("/home/ada/.cajal/javacpp", d.get(JvmDefaults.JAVACPP_CACHE));
        assertEquals("System.err", d.get(JvmDefaults.LOG_FILE));
    }

    @Test
    void whatTheUserSetIsKept() {
        Properties system = new Properties();
        system.setProperty(JvmDefaults.JAVACPP_CACHE, "/scratch/javacpp");
        system.setProperty(JvmDefaults.LOG_LEVEL, "debug");
        JvmDefaults.applyUnlessSet(JvmDefaults.defaults(false, true, userHome), system);
        assertEquals("/scratch/javacpp", system.getProperty(JvmDefaults.JAVACPP_CACHE));
        assertEquals("debug", system.getProperty(JvmDefaults.LOG_LEVEL));
        assertEquals("false", system.getProperty(JvmDefaults.LOG_SHOW_DATE_TIME));
    }
}
