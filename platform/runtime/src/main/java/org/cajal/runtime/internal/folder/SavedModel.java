package org.cajal.runtime.internal.folder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
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
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IOException(model + " cannot be read back as a trained network (its contents are damaged, "
                    + "or were not written by Cajal); " + again(run), e);
        }
        List<FittedTransform> transforms = transforms(model, run);
        DataSchema columns;
        try {
            columns = SchemaFile.read(schema);
        } catch (IOException | RuntimeException e) {
            throw new IOException(schema + " is damaged: it does not describe the run's columns as Cajal writes "
                    + "them (featureNames, featureShape, targetKind, targetNames, classLabels, featureCategories); "
                    + again(run), e);
        }
        return new SavedModel(network, transforms, columns);
    }

    /** What to do about a run folder whose files cannot be used. */
    private static String again(Path run) {
        return "copy the run folder again from where it was made, or train the model again with cajal run "
                + run.resolve(RunFiles.PIPELINE);
    }

    @SuppressWarnings("unchecked")
    private static List<FittedTransform> transforms(Path model, Path run) throws IOException {
        try (ZipFile zip = new ZipFile(model.toFile())) {
            ZipEntry entry = zip.getEntry(PREPROCESSING_ENTRY);
            if (entry == null) {
                return List.of();
            }
            try (InputStream in = zip.getInputStream(entry); ObjectInputStream objects = new ExtensionObjects(in)) {
                return List.copyOf((List<FittedTransform>) objects.readObject());
            } catch (ClassNotFoundException e) {
                throw new IOException(model + ": the model's preprocessing needs " + e.getMessage()
                        + ", which no installed bundle provides (is the preprocessing bundle missing?)", e);
            } catch (InvalidClassException e) {
                throw new IOException(model + ": the model's fitted preprocessing was saved by another version of "
                        + "Cajal's bundles (" + e.classname + " has changed since), so it cannot be read here; train "
                        + "the model again with cajal run " + run.resolve(RunFiles.PIPELINE), e);
            } catch (IOException | RuntimeException e) {
                throw new IOException(model + ": the model's fitted preprocessing (entry " + PREPROCESSING_ENTRY
                        + ") is damaged; " + again(run), e);
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
