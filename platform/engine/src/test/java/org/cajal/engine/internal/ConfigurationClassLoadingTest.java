package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.serde.JsonMappers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.type.TypeFactory;

/**
 * DL4J's JSON mapper finds a class that only an extension loader sees once it is pointed at the engine's loader,
 * whatever the calling thread's context loader is. Restores the mappers' type factories afterwards.
 */
class ConfigurationClassLoadingTest {

    private static final String SCHEDULE = """
            package plugin;
            import org.nd4j.linalg.schedule.ISchedule;
            import org.nd4j.shade.jackson.annotation.JsonProperty;
            public class HalvingSchedule implements ISchedule {
                private final double start;
                public HalvingSchedule(@JsonProperty("start") double start) { this.start = start; }
                @Override public double valueAt(int iteration, int epoch) { return start / Math.pow(2, epoch); }
                @Override public ISchedule clone() { return new HalvingSchedule(start); }
            }
            """;
    private static final String JSON = "{\"@class\":\"plugin.HalvingSchedule\",\"start\":0.8}";

    @TempDir
    Path temp;

    private List<TypeFactory> original;
    private URLClassLoader plugin;

    @BeforeEach
    void rememberTypeFactories() throws Exception {
        original = ConfigurationClassLoading.mappers().stream().map(ObjectMapper::getTypeFactory).toList();
        Path classes = SourceCompiler.compile(temp, Map.of("plugin.HalvingSchedule", SCHEDULE), ISchedule.class,
                ObjectMapper.class);
        plugin = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ISchedule.class.getClassLoader());
    }

    @AfterEach
    void restoreTypeFactories() throws Exception {
        List<ObjectMapper> mappers = ConfigurationClassLoading.mappers();
        for (int i = 0; i < mappers.size(); i++) {
            mappers.get(i).setTypeFactory(original.get(i));
        }
        plugin.close();
    }

    /**
     * One test for both halves: Jackson caches a type id once resolved, so "fails without" must run before any
     * successful read in this JVM.
     */
    @Test
    void aPluginScheduleIsReadOnAnyThreadOnlyWithTheExtensionLoader() throws Exception {
        Exception unknown = assertThrows(Exception.class, () -> JsonMappers.getMapper().readValue(JSON, ISchedule.class));
        assertTrue(unknown.getMessage().contains("plugin.HalvingSchedule"), unknown.getMessage());

        EngineExtensionLoader loader = new EngineExtensionLoader(ConfigurationClassLoadingTest.class.getClassLoader());
        loader.addExtension(plugin);
        ConfigurationClassLoading.useClassLoader(loader);

        ISchedule[] read = new ISchedule[1];
        Thread reader = new Thread(() -> {
            try {
                read[0] = JsonMappers.getMapper().readValue(JSON, ISchedule.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.setContextClassLoader(ClassLoader.getPlatformClassLoader()); // sees no plugin, as in Felix
        reader.start();
        reader.join();

        assertSame(plugin, read[0].getClass().getClassLoader());
        assertEquals(0.2, read[0].valueAt(0, 2), 1e-12);
        for (ObjectMapper mapper : ConfigurationClassLoading.mappers()) {
            assertSame(loader, mapper.getTypeFactory().getClassLoader());
        }
    }
}
