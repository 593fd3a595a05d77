package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarsTest {

    private static Path jar(Path file, String symbolicName) throws Exception {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            m.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream j = new JarOutputStream(out, m)) {
            j.closeEntry();
        }
        return file;
    }

    @Test
    void aBundleIsFineAJarThatIsNotOneOrIsTruncatedIsNamedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        assertNull(PluginJars.problem(jar(plugins.resolve("good.jar"), "org.example.good")));
        jar(plugins.resolve("plain.jar"), null);
        byte[] whole = Files.readAllBytes(jar(dir.resolve("whole.jar"), "org.example.cut"));
        Files.write(plugins.resolve("cut.jar"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(plugins.resolve("notes.txt"), "not a jar, not looked at");

        List<String> problems = PluginJars.problems(plugins);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("plugins/cut.jar: is not a readable jar (truncated or damaged"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("plugins/plain.jar: is not an OSGi bundle (its manifest has no "
                + "Bundle-SymbolicName)"), problems.get(1));
        assertTrue(PluginJars.problems(dir.resolve("missing")).isEmpty());
    }
}
