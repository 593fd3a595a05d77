package org.cajal.explain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DatasetException;
import org.cajal.api.trained.TrainedRun;
import org.cajal.api.trained.TrainedRuns;
import org.cajal.explain.export.PreprocessingFile;
import org.cajal.explain.export.PreprocessingMap;
import org.cajal.explain.onnx.ExportException;
import org.cajal.explain.onnx.OnnxNetwork;
import org.cajal.explain.pytorch.PyTorchExport;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.runfolder.AtomicFiles;
import org.cajal.runfolder.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cajal export RUN_FOLDER --format onnx|pytorch [--out DIR]}: the trained model for other tools. ONNX:
 * model.onnx (the network) and preprocessing.json (what to apply before it and how to read its output). PyTorch:
 * cajal_model.py, one script that rebuilds the pipeline in PyTorch and NumPy, with the trained weights
 * (weights.npz), the preprocessing, the data (data.csv) and the split (split.json) beside it. Exit status 0 when
 * written, 1 when the run cannot be exported (the message names the layer or step), 2 for a usage error.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=export")
public class ExportCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal export RUN_FOLDER --format onnx|pytorch [--out DIR]\n"
            + "  --format onnx     model.onnx and preprocessing.json\n"
            + "  --format pytorch  cajal_model.py with weights.npz, preprocessing.json, data.csv and split.json\n"
            + "  --out DIR         where the files go (default RUN_FOLDER/export-FORMAT)";

    /** The command line as picocli reads it. */
    static final class Options {
        @Parameters(index = "0", paramLabel = "RUN_FOLDER") Path run;
        @Option(names = "--format", required = true) String format;
        @Option(names = "--out") Path out;
    }

    @Reference
    TrainedRuns runs;

    @Override
    public int execute(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = CommandArguments.parse(new Options(), args);
            if (!List.of("onnx", "pytorch").contains(options.format)) {
                throw new IllegalArgumentException("--format " + options.format + " is not known; use onnx or "
                        + "pytorch");
            }
        } catch (IllegalArgumentException e) {
            err.println("cajal export: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path dir = options.out != null ? options.out : options.run.resolve("export-" + options.format);
        try (TrainedRun run = runs.open(options.run)) {
            List<Path> files = export(run, options.format, dir);
            files.forEach(f -> out.println("wrote " + f.toAbsolutePath()));
            return 0;
        } catch (ExportException e) {
            err.println("error: the run cannot be exported as " + options.format + ": " + e.getMessage());
            return 1;
        } catch (IOException | DatasetException | RuntimeException e) {
            err.println("error: " + ExplainCommand.describe(e));
            return 1;
        }
    }

    /** Writes the run in a format into {@code dir}; returns the files written. */
    public static List<Path> export(TrainedRun run, String format, Path dir)
            throws ExportException, IOException, DatasetException {
        MultiLayerNetwork network = run.network().orElseThrow(() -> new ExportException("the run's model is an "
                + "architecture's own, not a layer stack"));
        // the layers first: a layer the format cannot hold is named before the data is probed
        byte[] onnx = "onnx".equals(format) ? OnnxNetwork.write(network, layerNames(run, network),
                run.schema().featureShape(), "0.1.0") : null;
        if (onnx == null) {
            PyTorchExport.check(run, network);
        }
        PreprocessingMap map = PreprocessingMap.of(run);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        if (onnx != null) {
            Path file = dir.resolve("model.onnx");
            AtomicFiles.write(file, onnx);
            files.add(file);
        } else {
            files.addAll(PyTorchExport.write(run, network, map, dir));
        }
        Path json = dir.resolve(PreprocessingFile.NAME);
        Json.write(json, PreprocessingFile.of(run, map));
        files.add(json);
        return files;
    }

    /** A name per network layer for messages: {@code 2 (conv2d)} after the pipeline's layer types. */
    static List<String> layerNames(TrainedRun run, MultiLayerNetwork network) {
        var types = run.pipeline().model().layers();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < network.getLayers().length; i++) {
            String type = types.size() == network.getLayers().length ? types.get(i).type()
                    : network.getLayer(i).conf().getLayer().getClass().getSimpleName();
            names.add(i + " (" + type + ")");
        }
        return names;
    }
}
