package org.cajal.runtime.internal.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.pipeline.ModelSpec;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.run.RunFiles;
import org.cajal.launcher.spi.CommandArguments;
import org.cajal.launcher.spi.LauncherCommand;
import org.cajal.runfolder.CsvTable;
import org.cajal.runtime.internal.folder.SavedModel;
import org.cajal.runtime.internal.pipeline.PipelineReader;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cajal predict RUN_FOLDER INPUT.csv [--out FILE] [--with-inputs]}: a trained model predicts on raw rows
 * with the run's own handling (the preprocessing saved in model.zip, and the missing-value policy of its
 * pipeline.json) and writes one CSV line per scored row (see {@link PredictionTable}). A row that cannot be
 * scored is reported with its row number, file line and reason, and the others are still scored: the exit status
 * is 0 when at least one row was scored (with the number of rows not scored and of warnings), 1 when none was or
 * the run or file cannot be used, 2 for a usage error. Every message names the file it is about.
 */
@Component(service = LauncherCommand.class, property = LauncherCommand.NAME_PROPERTY + "=predict")
public class PredictCommand implements LauncherCommand {

    static final String USAGE = "usage: cajal predict RUN_FOLDER INPUT.csv [--out FILE] [--with-inputs]\n"
            + "  --out FILE      write the predictions there (default: standard output)\n"
            + "  --with-inputs   repeat the input file's columns before the predictions";

    /** The command line as picocli reads it. */
    static final class Options {
        @Parameters(index = "0", paramLabel = "RUN_FOLDER") Path run;
        @Parameters(index = "1", paramLabel = "INPUT.csv") Path input;
        @Option(names = "--out") Path out;
        @Option(names = "--with-inputs") boolean withInputs;
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
        RowScoring.Outcome outcome;
        CsvTable table;
        try {
            SavedModel model = load(options.run, err);
            RowScoring scoring = new RowScoring(model, missingPolicy(options.run));
            TabularInput.Table input = TabularInput.read(options.input, model.schema());
            outcome = score(scoring, input, options.run);
            table = PredictionTable.of(model.schema(), input, outcome, options.withInputs);
        } catch (IOException | PipelineException | RuntimeException e) {
            err.println("error: " + describe(e));
            return 1;
        }
        report(options.input, outcome, err);
        if (outcome.scored().isEmpty()) {
            err.println("error: no row of " + options.input + " could be scored");
            return 1;
        }
        return write(table, options.out, outcome, out, err);
    }

    /**
     * The run's model, once its model.zip is known to be whole and the run's own; a warning when the run records
     * no hash to check it against.
     */
    private static SavedModel load(Path run, PrintStream err) throws IOException, PipelineException {
        if (!Files.isDirectory(run)) {
            throw new IOException(run + (Files.exists(run) ? " is a file, not a run folder" : " not found")
                    + "; give the folder of a finished run (cajal runs lists them)");
        }
        String architecture = new PipelineReader().read(run.resolve(RunFiles.PIPELINE)).pipeline().model()
                .architecture();
        if (!ModelSpec.LAYER_STACK.equals(architecture)) {
            throw new IOException(run + " holds a '" + architecture + "' model; cajal predict scores layer-stack "
                    + "models only (the run's pipeline.json names the architecture at $.model.architecture)");
        }
        ModelFileCheck.readable(run);
        String warning = ModelFileCheck.belongs(run);
        if (warning != null) {
            err.println("warning: " + warning);
        }
        return SavedModel.load(run);
    }

    private static RowScoring.Outcome score(RowScoring scoring, TabularInput.Table input, Path run)
            throws IOException {
        try {
            return scoring.score(input.rows());
        } catch (RuntimeException e) {
            throw new IOException("the model of " + run + " cannot score the rows of " + input.file() + ": "
                    + describe(e), e);
        }
    }

    /** The {@code missing} parameter of the run's dataset in its pipeline.json, or null when it has none. */
    static String missingPolicy(Path run) throws PipelineException {
        Object policy = new PipelineReader().read(run.resolve(RunFiles.PIPELINE)).pipeline().dataset().params()
                .get("missing");
        return policy == null ? null : policy.toString();
    }

    /** Every row not scored, then every warning, then the counts (standard error). */
    private static void report(Path input, RowScoring.Outcome outcome, PrintStream err) {
        for (RowScoring.Rejected r : outcome.rejected()) {
            err.println("not scored: " + input + " " + r.row().where() + ": " + r.reason());
        }
        for (String w : outcome.warnings()) {
            err.println("warning: " + input + " " + w);
        }
        int rows = outcome.scored().size() + outcome.rejected().size();
        if (!outcome.rejected().isEmpty() || !outcome.warnings().isEmpty()) {
            err.println("scored " + outcome.scored().size() + " of " + rows + " rows of " + input + "; "
                    + outcome.rejected().size() + " not scored, " + outcome.warnings().size() + " warning"
                    + (outcome.warnings().size() == 1 ? "" : "s"));
        }
    }

    private static int write(CsvTable table, Path file, RowScoring.Outcome outcome, PrintStream out,
                             PrintStream err) {
        if (file == null) {
            out.print(table.format());
            return 0;
        }
        try {
            table.write(file);
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot write " + file + ": " + describe(e));
            return 1;
        }
        out.println("wrote " + outcome.scored().size() + " predictions to " + file.toAbsolutePath());
        return 0;
    }

    /** The message of a failure, the innermost cause's; a file that is missing or denied is named as such. */
    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + " not found" + (n.getReason() == null ? "" : " " + n.getReason());
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + " cannot be read (access denied)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null || root.getMessage().isBlank()
                || root instanceof NullPointerException || root instanceof ClassCastException
                ? "an unexpected fault with no message for you (please report it)" : root.getMessage();
    }
}
