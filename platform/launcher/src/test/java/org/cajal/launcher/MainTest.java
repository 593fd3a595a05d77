package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.cajal.launcher.testbundle.EchoCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @AfterEach
    void clearProperties() {
        System.clearProperty(CajalFramework.HOME_PROPERTY);
        System.clearProperty(Main.COMMAND_WAIT_PROPERTY);
    }

    /** A distribution whose only bundle registers an echoing 'run' command. */
    private void installEchoRunCommand() throws Exception {
        TestBundles.write(TestBundles.distribution(home).resolve("bundles/echo.jar"), Map.of(
                "Bundle-SymbolicName", "org.cajal.echo",
                "Bundle-Activator", EchoCommand.class.getName(),
                "Import-Package", "org.cajal.launcher.spi,org.osgi.framework"), EchoCommand.class);
        System.setProperty(CajalFramework.HOME_PROPERTY, home.toString());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpGoesToStandardOutput() {
        assertEquals(0, main.run(List.of("--help")));
        assertTrue(out().startsWith("Usage: cajal"), out());
    }

    @Test
    void versionIsPrinted() {
        assertEquals(0, main.run(List.of("--version")));
        assertTrue(out().startsWith("Cajal "), out());
    }

    @Test
    void noCommandStartsTheWorkbenchCommand() {
        // no distribution here: it gets as far as looking for one, which the workbench needs like any command
        assertEquals(3, main.run(List.of()));
        assertTrue(err().contains("cannot find the distribution folder"), err());
    }

    @Test
    void aUsageErrorSaysWhatIsWrong() {
        assertEquals(2, main.run(List.of("run")));
        assertTrue(err().startsWith("cajal: run needs a pipeline FILE"), err());
    }

    @Test
    void runPassesArgumentsAndReturnsTheCommandsStatus() throws Exception {
        installEchoRunCommand();
        assertEquals(7, main.run(List.of("run", "x.json", "--seed", "3", "-v")));
        assertEquals("echo x.json --seed 3", out().strip());
        assertTrue(err().contains("ACTIVE"), "verbose prints bundle states: " + err());
    }

    @Test
    void runWithoutTheRunCommandNamesTheMissingBundleAndExitsWith3() throws Exception {
        Path bundles = TestBundles.distribution(home).resolve("bundles");
        TestBundles.write(bundles.resolve("broken.jar"), Map.of("Bundle-SymbolicName", "org.cajal.broken",
                "Import-Package", "org.nowhere.missing"));
        System.setProperty(CajalFramework.HOME_PROPERTY, home.toString());
        System.setProperty(Main.COMMAND_WAIT_PROPERTY, "0.2");
        assertEquals(3, main.run(List.of("run", "x.json")));
        assertTrue(err().contains("no 'run' command appeared within 0 s"), err());
        assertTrue(err().contains("org.cajal.broken"), err());
        assertTrue(err().contains("org.cajal.runtime"), err());
        assertFalse(err().contains("LauncherCommand"), err());
    }

    @Test
    void anUnknownCommandSuggestsTheNearestAndListsTheCommands() throws Exception {
        installEchoRunCommand();
        assertEquals(2, main.run(List.of("rnu", "x.json")));
        assertTrue(err().startsWith("cajal: unknown command 'rnu' (did you mean 'run'?); the commands are: run,"
                + " shell (cajal --help describes them)"), err());
        assertFalse(err().contains("LauncherCommand") || err().contains("cajal.command"), err());
    }

    @Test
    void frameworkPropertiesComeFromMatchingSystemProperties() {
        Properties system = new Properties();
        system.setProperty("felix.fileinstall.poll", "100");
        system.setProperty("org.osgi.framework.storage", "/tmp/c");
        system.setProperty("cajal.bundles.exclude", "runtime.jar");
        system.setProperty("user.home", "/home/ada");
        assertEquals(Map.of("felix.fileinstall.poll", "100", "org.osgi.framework.storage", "/tmp/c",
                "cajal.bundles.exclude", "runtime.jar"), Main.frameworkProperties(system));
    }
}
