package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension loader with URLClassLoaders standing in for the engine bundle's and the extension bundles' loaders. */
class EngineExtensionLoaderTest {

    @TempDir
    Path temp;

    private URLClassLoader engine;
    private URLClassLoader pluginA;
    private URLClassLoader pluginB;
    private EngineExtensionLoader loader;

    @BeforeEach
    void compileThreeClassSpaces() throws Exception {
        // the engine and plugin A both have shared.Twin; only plugin A has a.OnlyInA, only B has b.OnlyInB
        Path engineClasses = SourceCompiler.compile(temp.resolve("engine"),
                Map.of("shared.Twin", "package shared; public class Twin { public String from() { return \"engine\"; } }"));
        Path aClasses = SourceCompiler.compile(temp.resolve("a"), Map.of(
                "shared.Twin", "package shared; public class Twin { public String from() { return \"a\"; } }",
                "a.OnlyInA", "package a; public class OnlyInA { }"));
        Path bClasses = SourceCompiler.compile(temp.resolve("b"), Map.of("b.OnlyInB", "package b; public class OnlyInB { }"));
        Files.writeString(engineClasses.resolve("note.txt"), "engine");
        Files.writeString(aClasses.resolve("note.txt"), "a");
        Files.writeString(bClasses.resolve("only-b.txt"), "b");
        engine = SourceCompiler.isolatedLoader(engineClasses);
        pluginA = SourceCompiler.isolatedLoader(aClasses);
        pluginB = SourceCompiler.isolatedLoader(bClasses);
        loader = new EngineExtensionLoader(engine);
    }

    @AfterEach
    void close() throws Exception {
        engine.close();
        pluginA.close();
        pluginB.close();
    }

    @Test
    void withoutExtensionsOnlyTheEngineIsSeenAndTheErrorNamesTheHeader() throws Exception {
        assertSame(engine, loader.loadClass("shared.Twin").getClassLoader());
        ClassNotFoundException e = assertThrows(ClassNotFoundException.class, () -> loader.loadClass("a.OnlyInA"));
        assertTrue(e.getMessage().contains("a.OnlyInA") && e.getMessage().contains("Cajal-Engine-Extension: true"),
                e.getMessage());
    }

    @Test
    void aClassTheEngineLacksComesFromTheExtensionThatDefinesIt() throws Exception {
        loader.addExtension(pluginA);
        loader.addExtension(pluginB);
        assertSame(pluginA.loadClass("a.OnlyInA"), loader.loadClass("a.OnlyInA"), "the plugin's own class, not a copy");
        assertSame(pluginB, Class.forName("b.OnlyInB", false, loader).getClassLoader());
    }

    @Test
    void theEngineWinsOverAnExtension() throws Exception {
        loader.addExtension(pluginA);
        Class<?> twin = loader.loadClass("shared.Twin");
        assertSame(engine, twin.getClassLoader());
        assertEquals("engine", twin.getMethod("from").invoke(twin.getConstructor().newInstance()));
    }

    @Test
    void aRemovedExtensionIsNoLongerSearched() throws Exception {
        loader.addExtension(pluginA);
        loader.addExtension(pluginB);
        loader.removeExtension(pluginB);
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("b.OnlyInB"));
        assertNull(loader.getResource("only-b.txt"));
        assertEquals(List.of(pluginA), loader.extensions());
    }

    @Test
    void addingTheSameExtensionTwiceKeepsOneEntry() {
        loader.addExtension(pluginA);
        loader.addExtension(pluginA);
        assertEquals(List.of(pluginA), loader.extensions());
    }

    @Test
    void resourcesComeFromTheEngineFirstThenFromExtensions() throws Exception {
        loader.addExtension(pluginA);
        loader.addExtension(pluginB);
        assertEquals("engine", read(loader.getResource("note.txt")));
        assertEquals("b", read(loader.getResource("only-b.txt")));
        List<String> all = Collections.list(loader.getResources("note.txt")).stream().map(EngineExtensionLoaderTest::read)
                .toList();
        assertEquals(List.of("engine", "a"), all);
    }

    @Test
    void extensionsMayComeAndGoWhileOtherThreadsLoad() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            loader.addExtension(pluginA);
            List<Future<Class<?>>> loads = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                loads.add(pool.submit(() -> loader.loadClass("a.OnlyInA")));
                if (i % 2 == 0) {
                    loader.addExtension(pluginB);
                } else {
                    loader.removeExtension(pluginB);
                }
            }
            for (Future<Class<?>> load : loads) {
                assertSame(pluginA, load.get().getClassLoader());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String read(URL url) {
        try (var in = url.openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
