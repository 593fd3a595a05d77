package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles Java sources into a folder at test time, to stand in for a bundle's classes that the test class path lacks. */
final class SourceCompiler {

    private SourceCompiler() {
    }

    /**
     * @param sources class name to source text
     * @param classPathOf classes whose jars (or folders) the sources compile against
     * @return the folder holding the compiled classes
     */
    static Path compile(Path folder, Map<String, String> sources, Class<?>... classPathOf) throws IOException {
        Path src = Files.createDirectories(folder.resolve("src"));
        Path out = Files.createDirectories(folder.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-proc:none"));
        if (classPathOf.length > 0) {
            args.add("-cp");
            args.add(java.util.Arrays.stream(classPathOf).map(SourceCompiler::location)
                    .collect(Collectors.joining(java.io.File.pathSeparator)));
        }
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        assertTrue(rc == 0, "test sources did not compile: " + errors);
        return out;
    }

    /** A loader for the classes and resources in {@code folder} whose parent is the bootstrap loader. */
    static URLClassLoader isolatedLoader(Path folder) throws IOException {
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, null);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
