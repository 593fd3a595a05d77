package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleException;

/** FileInstall's failures as one console line each in Cajal's words, with the stack trace in plugins.log. */
class PluginLogTest {

    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b[A-Z]\\w*(Exception|Error)\\b|\\bjava\\.|\\borg\\.(apache|osgi|deeplearning4j|nd4j)\\.");

    static final String UNRESOLVED = "Unable to resolve broken [12](R 12.0): missing requirement [broken [12](R 12.0)] "
            + "osgi.wiring.package; (&(osgi.wiring.package=org.nowhere)(version>=1.2.0)(!(version>=2.0.0))) "
            + "Unresolved requirements: [[broken [12](R 12.0)] osgi.wiring.package; "
            + "(&(osgi.wiring.package=org.nowhere)(version>=1.2.0)(!(version>=2.0.0)))]";

    @TempDir
    Path dir;

    @Test
    void anActivatorThatThrowsIsOneLineAndTheTraceGoesToTheLog() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PluginLog log = PluginLog.open(Map.of(PluginLog.LOGS_PROPERTY, dir.toString()),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            BundleException e = new BundleException("Activator start error in bundle throws [14].",
                    BundleException.ACTIVATOR_ERROR, new IllegalStateException("no licence key configured"));
            LogRecord record = new LogRecord(Level.SEVERE, "Error while starting bundle: file:/x/plugins/throws.jar");
            record.setThrown(e);
            Logger.getLogger(PluginLog.FILEINSTALL_LOGGER).log(record);
            Logger.getLogger(PluginLog.FILEINSTALL_LOGGER).log(record); // FileInstall retries: said once
            String text = console.toString(StandardCharsets.UTF_8);
            assertEquals("cajal: plugins/throws.jar: its activator failed while starting: no licence key configured; "
                    + "fix the plugin (its author's start code), or remove its jar (details in "
                    + dir.resolve("plugins.log") + ")" + System.lineSeparator(), text);
            String logged = Files.readString(dir.resolve("plugins.log"));
            assertTrue(logged.contains("IllegalStateException: no licence key configured"), logged);
            assertTrue(logged.contains("\tat "), "the stack trace is in the log");
            assertEquals(Map.of("throws.jar", text.substring("cajal: plugins/throws.jar: ".length(),
                    text.indexOf(" (details in "))), log.problems());
        } finally {
            log.close();
        }
    }

    @Test
    void anUnresolvedPluginNamesThePackageItNeeds() {
        String reason = PluginFailures.reason(new BundleException(UNRESOLVED, BundleException.RESOLVE_ERROR));
        assertEquals("it needs the package org.nowhere 1.2.0 or later, which no installed bundle provides; install "
                + "the plugin that provides it, or rebuild the plugin against this version of Cajal", reason);
        assertFalse(JAVA_NAMES.matcher(reason).find(), reason);
    }

    @Test
    void otherFailuresLoseTheFrameworksBundleNumbersAndClassNames() {
        String activator = PluginFailures.reason(new BundleException("Activator start error in bundle x [3].",
                BundleException.ACTIVATOR_ERROR, new NullPointerException()));
        assertEquals("its activator failed while starting without saying why; fix the plugin (its author's start "
                + "code), or remove its jar", activator);
        String other = PluginFailures.reason(new BundleException("Bundle symbolic name and version are not unique: "
                + "a:1.0.0", BundleException.DUPLICATE_BUNDLE_ERROR));
        assertTrue(other.startsWith("a bundle with the same name and version is already installed"), other);
        String manifest = PluginFailures.reason(new BundleException("Invalid manifest header x [5]\nmore",
                BundleException.MANIFEST_ERROR));
        assertEquals("Invalid manifest header x; check that the jar is a plugin built for this version of Cajal",
                manifest);
    }

    @Test
    void informationStaysOneLineOnTheConsole() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PluginLog log = PluginLog.open(Map.of(PluginLog.LOGS_PROPERTY, dir.toString()),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            Logger.getLogger(PluginLog.FILEINSTALL_LOGGER).info("Installed /x/plugins/good.jar");
            assertEquals("cajal: Installed /x/plugins/good.jar" + System.lineSeparator(),
                    console.toString(StandardCharsets.UTF_8));
            assertTrue(log.problems().isEmpty());
        } finally {
            log.close();
        }
        assertTrue(Logger.getLogger(PluginLog.FILEINSTALL_LOGGER).getUseParentHandlers(), "console logging back");
    }
}
