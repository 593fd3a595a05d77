package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Examples;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.runtime.internal.folder.SavedModel;
import org.cajal.runtime.internal.pipeline.Preprocessing;
import org.cajal.runtime.internal.pipeline.TargetScale;
import org.cajal.runtime.internal.train.RunFailure;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cajal predict RUN_FOLDER INPUT.csv [--out FILE]}: a trained model predicts on raw examples — the fitted
 * preprocessing saved in model.zip is applied first — and writes one CSV row per example: the predicted class
 * and each class's probability, or the predicted values in the target's original units.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=predict")
public class PredictCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal predict RUN_FOLDER INPUT.csv [--out FILE]   (default: standard output)";

    /** The command line as picocli reads it. */
    static final class Options {
        @Parameters(index = "0", paramLabel = "RUN_FOLDER") Path run;
        @Parameters(index = "1", paramLabel = "INPUT.csv") Path input;
        @Option(names = "--out") Path out;
    }

    /** Only active with the engine (ND4J must be ready to load a model). */
    @Reference
    org.cajal.api.compute.ComputeBackend backend;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = CommandArguments.parse(new Options(), args);
        } catch (IllegalArgumentException e) {
            err.println("cajal predict: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            SavedModel model = SavedModel.load(options.run);
            Examples raw = TabularInput.read(options.input, model.schema());
            INDArray output = predict(model, raw);
            String csv = csv(model.schema(), output);
            if (options.out != null) {
                Files.writeString(options.out, csv, StandardCharsets.UTF_8);
                out.println("wrote " + output.size(0) + " predictions to " + options.out.toAbsolutePath());
            } else {
                out.print(csv);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("error: " + RunFailure.describe(e));
            return 1;
        }
    }

    /**
     * The model's outputs for raw examples: the fitted preprocessing is applied first (with placeholder targets,
     * which a target step such as target-standardise needs), and regression outputs are put back into the
     * target's original units.
     */
    static INDArray predict(SavedModel model, Examples raw) {
        DataSchema schema = model.schema();
        INDArray placeholder = Nd4j.zeros(DataType.FLOAT, raw.size(), schema.targetWidth());
        Examples input = Preprocessing.apply(model.transforms(), new Examples(raw.features(), placeholder));
        INDArray output = model.network().output(input.features(), false);
        if (schema.targetKind().isClassification()) {
            return output;
        }
        TargetScale scale = TargetScale.of(model.transforms(), raw.features(), schema.targetWidth());
        return scale.isIdentity() ? output : Nd4j.create(scale.restore(output));
    }

    static String csv(DataSchema schema, INDArray output) {
        StringBuilder csv = new StringBuilder();
        boolean classes = schema.targetKind().isClassification();
        List<String> labels = schema.classLabels();
        if (classes) {
            csv.append("predicted");
            labels.forEach(l -> csv.append(",p(").append(l).append(')'));
        } else {
            csv.append(String.join(",", schema.targetNames()));
        }
        csv.append('\n');
        for (long i = 0; i < output.size(0); i++) {
            double[] row = output.getRow(i).toDoubleVector();
            if (classes) {
                double[] p = row.length == 1 ? new double[] {1 - row[0], row[0]} : row;
                int best = 0;
                for (int c = 1; c < p.length; c++) {
                    best = p[c] > p[best] ? c : best;
                }
                csv.append(labels.get(best));
                for (double v : p) {
                    csv.append(',').append(String.format(Locale.ROOT, "%.6f", v));
                }
            } else {
                for (int c = 0; c < row.length; c++) {
                    csv.append(c == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", row[c]));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
