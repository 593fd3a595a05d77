package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartLevelsTest {

    @Test
    void theEngineStartsBeforeEverythingElse() {
        assertEquals(StartLevels.ENGINE, StartLevels.of("org.cajal.engine"));
        assertEquals(1, StartLevels.ENGINE);
        assertTrue(StartLevels.ENGINE < StartLevels.INFRASTRUCTURE);
        assertTrue(StartLevels.INFRASTRUCTURE < StartLevels.PLATFORM);
        assertTrue(StartLevels.PLATFORM < StartLevels.PLUGINS);
    }

    @Test
    void infrastructureStartsBeforeThePlatform() {
        for (String bsn : new String[] {"slf4j.api", "slf4j.simple", "org.osgi.util.promise", "org.osgi.util.function",
                "org.osgi.service.component", "org.apache.felix.scr", "org.apache.felix.configadmin"}) {
            assertEquals(StartLevels.INFRASTRUCTURE, StartLevels.of(bsn), bsn);
        }
    }

    @Test
    void platformBundlesAndLibrariesComeSecond() {
        for (String bsn : new String[] {"org.cajal.api", "org.cajal.engine.extra", "org.cajal.runtime",
                "com.fasterxml.jackson.core.jackson-databind", "org.apache.felix.gogo.runtime", "unknown"}) {
            assertEquals(StartLevels.PLATFORM, StartLevels.of(bsn), bsn);
        }
        assertEquals(StartLevels.PLATFORM, StartLevels.of(null));
    }

    @Test
    void fileInstallAndTheShellComeLast() {
        assertEquals(StartLevels.PLUGINS, StartLevels.of("org.apache.felix.fileinstall"));
        assertEquals(StartLevels.PLUGINS, StartLevels.of("org.apache.felix.gogo.shell"));
    }
}
