package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.run.RunFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * A trained layer-stack model read back from its run folder: the network (model.zip), the fitted preprocessing
 * stored inside it, and the raw data schema (schema.json) — everything needed to predict on raw examples.
 */
public record SavedModel(MultiLayerNetwork network, List<FittedTransform> transforms, DataSchema schema) {

    /** The zip entry DL4J's ModelSerializer.addObjectToFile writes for the key "cajal-preprocessing". */
    private static final String PREPROCESSING_ENTRY = "objects/cajal-preprocessing";

    public static SavedModel load(Path run) throws IOException {
        Path model = run.resolve(RunFiles.MODEL);
        Path schema = run.resolve(RunFiles.SCHEMA);
        for (Path p : List.of(model, schema)) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p + " (is " + run + " a finished layer-stack run folder?)");
            }
        }
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
        return new SavedModel(network, transforms(model),
                SchemaFile.read(schema));
    }

    @SuppressWarnings("unchecked")
    private static List<FittedTransform> transforms(Path model) throws IOException {
        try (ZipFile zip = new ZipFile(model.toFile())) {
            ZipEntry entry = zip.getEntry(PREPROCESSING_ENTRY);
            if (entry == null) {
                return List.of();
            }
            try (InputStream in = zip.getInputStream(entry); ObjectInputStream objects = new ExtensionObjects(in)) {
                return List.copyOf((List<FittedTransform>) objects.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException("the model's preprocessing needs " + e.getMessage()
                        + ", which no installed bundle provides (is the preprocessing bundle missing?)", e);
            }
        }
    }

    /**
     * Resolves classes through ND4J's class loader, which the engine extends with the bundles that declare
     * Cajal-Engine-Extension (the preprocessing bundle does), so the fitted transforms' classes are found.
     */
    private static final class ExtensionObjects extends ObjectInputStream {
        ExtensionObjects(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, ND4JClassLoading.getNd4jClassloader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
