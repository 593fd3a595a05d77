package org.cajal.datasets.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.osgi.service.component.annotations.Component;

/** Tabular data from a CSV file, the format every spreadsheet and statistics package can write. */
@Component(service = DatasetProvider.class)
public final class CsvDatasetProvider implements DatasetProvider {

    static final String ID = "csv";
    static final String FILE = "file";
    static final String TARGET = "target";
    static final String TASK = "task";
    static final String FEATURES = "features";
    static final String DELIMITER = "delimiter";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "CSV file", "Files",
            "A table in a CSV file (UTF-8): the first row names the columns, every further row is one example. "
                    + "Feature columns must hold numbers; one column is the target. Values may be quoted (\"a,b\"). "
                    + "Missing values are not supported yet.",
            List.of(
                    ParameterSpec.file(FILE).help("The CSV file; a relative path resolves against the folder of "
                            + "the pipeline file."),
                    ParameterSpec.string(TARGET, null).requiredParameter()
                            .help("Name of the column to predict, as written in the header row."),
                    ParameterSpec.choice(TASK, CsvTask.ids()).help("What the target is. auto: classification when "
                            + "the target column holds any non-numeric value, or only whole numbers with at most "
                            + CsvTask.MAX_AUTO_CLASSES + " distinct values; regression otherwise. classification: "
                            + "every distinct value is a class (sorted numerically when all are numbers, else "
                            + "alphabetically). regression: the target is a real number."),
                    ParameterSpec.string(FEATURES, null)
                            .help("Optional: the feature columns, separated by commas (x1, x2). Leave it out to "
                                    + "use every column except the target."),
                    ParameterSpec.string(DELIMITER, ",")
                            .help("The character between values: ',' (default), ';' as European spreadsheets "
                                    + "write, or \\t (or 'tab') for tab-separated files.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        Path file = existingFile(parameters);
        CsvTask task = CsvTask.byId(parameters.getString(TASK));
        CsvTable table = new CsvLoader(file, delimiter(parameters.getString(DELIMITER)),
                parameters.getString(TARGET), parameters.optionalString(FEATURES), task).load();
        TargetEncoder.EncodedTarget target = TargetEncoder.encode(table.targets(), task, table.targetName(),
                file.toString());
        DataSchema schema = target.classification()
                ? DataSchema.classification(table.featureNames(), table.targetName(), target.classLabels())
                : DataSchema.regression(table.featureNames(), List.of(table.targetName()));
        String identity = "csv " + file + " sha256:" + table.sha256().substring(0, 12) + " rows=" + table.rows();
        return new TabularDataset(schema, table.features(), target.values(), identity);
    }

    private static Path existingFile(Parameters parameters) throws DatasetException {
        Path file = parameters.getPath(FILE);
        if (Files.isDirectory(file)) {
            throw new DatasetException("CSV file " + file + " is a folder; name a .csv file inside it");
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("CSV file " + file + " not found ('" + FILE + "' is '"
                    + parameters.getString(FILE) + "'); relative paths resolve against the pipeline file's folder");
        }
        return file;
    }

    /** The delimiter character; {@code \t} or {@code tab} mean a tab. */
    static char delimiter(String text) throws DatasetException {
        if (text.equals("\\t") || text.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (text.length() != 1 || text.charAt(0) == '"' || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            throw new DatasetException("CSV delimiter '" + text + "' must be a single character other than a quote "
                    + "or a line break, such as ',' or ';', or \\t for tab");
        }
        return text.charAt(0);
    }
}
