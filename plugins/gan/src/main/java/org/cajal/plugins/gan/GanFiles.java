package org.cajal.plugins.gan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A saved GAN: a zip with both networks (entries {@value #GENERATOR_ENTRY} and {@value #DISCRIMINATOR_ENTRY}, each
 * DL4J's ModelSerializer format without updater state) and the settings ({@value #CONFIG_ENTRY}); the runtime may
 * append further entries. Beside it, {@value GanModel#SAMPLES_FILE}.
 */
final class GanFiles {

    /** Zip entries of the saved model. */
    static final String GENERATOR_ENTRY = "generator.zip";
    static final String DISCRIMINATOR_ENTRY = "discriminator.zip";
    static final String CONFIG_ENTRY = "gan.json";

    private GanFiles() {
    }

    /** Writes the model file and, beside it, the samples file. */
    static void save(Path file, MultiLayerNetwork generator, MultiLayerNetwork discriminator, GanConfig config,
                     GanSamples samples) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, GENERATOR_ENTRY, serialised(generator));
            entry(zip, DISCRIMINATOR_ENTRY, serialised(discriminator));
            entry(zip, CONFIG_ENTRY, GanSamples.MAPPER.writeValueAsBytes(config.document()));
        }
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            GanSamples.write(samples, folder.resolve(GanModel.SAMPLES_FILE));
        }
    }

    private static byte[] serialised(MultiLayerNetwork network) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, bytes, false);
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Reads the generator and the discriminator back from a saved model file. */
    static MultiLayerNetwork[] readNetworks(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            MultiLayerNetwork[] out = new MultiLayerNetwork[2];
            String[] names = {GENERATOR_ENTRY, DISCRIMINATOR_ENTRY};
            for (int i = 0; i < 2; i++) {
                ZipEntry entry = zip.getEntry(names[i]);
                if (entry == null) {
                    throw new IOException(file + " is not a saved GAN: it has no entry " + names[i]);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    out[i] = ModelSerializer.restoreMultiLayerNetwork(in, false);
                }
            }
            return out;
        }
    }
}
