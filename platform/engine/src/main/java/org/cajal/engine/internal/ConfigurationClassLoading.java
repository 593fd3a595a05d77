package org.cajal.engine.internal;

import java.util.List;

import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.type.TypeFactory;

/**
 * Points the JSON mappers of DL4J and ND4J at a class loader for the {@code "@class"} names in network
 * configurations.
 *
 * <p>{@code ND4JClassLoading} is not enough for that: DL4J reads {@code MultiLayerConfiguration} and
 * {@code ComputationGraphConfiguration} JSON with its own (shaded) Jackson {@code ObjectMapper}s, whose
 * {@code TypeFactory} resolves a polymorphic type id ({@code IUpdater}, {@code ISchedule}, {@code Layer},
 * {@code IActivation}, ...) through the calling thread's context class loader, then through Jackson's own loader
 * (the engine bundle). In Felix the context loader is whatever the calling thread happens to carry (often the
 * launcher's), so a plugin class would be found only by accident. Giving the mappers' {@code TypeFactory} an
 * explicit loader makes the look-up the same on every thread.
 */
final class ConfigurationClassLoading {

    private ConfigurationClassLoading() {
    }

    /** DL4J's JSON, YAML and legacy-format mappers and ND4J's JSON and YAML mappers, the ones that read class names. */
    static List<ObjectMapper> mappers() {
        return List.of(
                org.deeplearning4j.nn.conf.serde.JsonMappers.getMapper(),
                org.deeplearning4j.nn.conf.serde.JsonMappers.getMapperYaml(),
                org.deeplearning4j.nn.conf.serde.JsonMappers.getLegacyMapper(),
                org.nd4j.serde.json.JsonMappers.getMapper(),
                org.nd4j.serde.json.JsonMappers.getYamlMapper());
    }

    /** Makes every mapper of {@link #mappers()} resolve class names with {@code loader}. */
    static void useClassLoader(ClassLoader loader) {
        for (ObjectMapper mapper : mappers()) {
            mapper.setTypeFactory(mapper.getTypeFactory().withClassLoader(loader));
        }
    }
}
