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
    static final String CATEGORICAL = "categorical";
    static final String MISSING = "missing";

    private static final ComponentDescriptor DESCRIPTOR = new ComponentDescriptor(ID, "CSV file", "Files",
            "A table in a CSV file (UTF-8): the first row names the columns, every further row is one example. "
                    + "One column is the target; the feature columns hold numbers, or categories where "
                    + "'categorical' says so (a categorical feature's value is its category index, categories "
                    + "sorted; a run keeps only the categories its training rows hold, and a one-hot "
                    + "preprocessing step turns them into indicator columns). Values may be quoted "
                    + "(\"a,b\"). A cell that is empty or reads NA, NaN or ? (exactly so, after trimming spaces) is "
                    + "a missing value, in any used column; 'missing' says what happens to it.",
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
                                    + "write, or \\t (or 'tab') for tab-separated files."),
                    ParameterSpec.string(CATEGORICAL, CategoricalSelection.NONE)
                            .help("Which feature columns hold categories (text such as red, green): none (default: "
                                    + "every feature must be a number, so a typo in a numeric column is an error "
                                    + "naming its row rather than a new category), the column names separated by "
                                    + "commas (colour, city), or auto: every feature column with a value that is "
                                    + "not a number (convenient, but a stray word in a numeric column then turns "
                                    + "the whole column into categories; the file is read twice)."),
                    ParameterSpec.choice(MISSING, MissingValues.ids())
                            .help("What a missing value (empty, NA, NaN or ?) does. error (default): stops with "
                                    + "the line and column, so nothing changes silently. drop: leaves out every row "
                                    + "with a missing feature or target, logs a warning with the count and records "
                                    + "it in the dataset's identity. impute: fills a missing feature with its "
                                    + "column's mean (numeric) or most frequent category (ties: the first in "
                                    + "order), computed on the training rows only (each fold's training rows "
                                    + "in k-fold), never on validation or test rows; the fill values are saved "
                                    + "with the model, and how many cells of each column were filled in each "
                                    + "split is recorded in the run. A row whose target is missing is left "
                                    + "out.")));

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Dataset open(Parameters parameters, long seed) throws DatasetException {
        Path file = existingFile(parameters);
        CsvTask task = CsvTask.byId(parameters.getString(TASK));
        CsvRequest request = new CsvRequest(delimiter(parameters.getString(DELIMITER)), parameters.getString(TARGET),
                parameters.optionalString(FEATURES), task,
                CategoricalSelection.parse(parameters.getString(CATEGORICAL)),
                MissingValues.byId(parameters.getString(MISSING)));
        CsvTable table = new CsvLoader(file, request).load();
        TargetEncoder.EncodedTarget target = TargetEncoder.encode(table.targets(), task, table.targetName(),
                file.toString());
        DataSchema numeric = target.classification()
                ? DataSchema.classification(table.featureNames(), table.targetName(), target.classLabels())
                : DataSchema.regression(table.featureNames(), List.of(table.targetName()));
        DataSchema schema = numeric.withFeatures(numeric.featureNames(), numeric.featureShape(),
                table.featureCategories());
        String identity = "csv " + file + " sha256:" + table.sha256().substring(0, 12) + " rows=" + table.rows();
        return new InMemoryDataset(schema, table.features(), target.values(), identity + treatment(request, table));
    }

    /** What was done to missing values, for the identity: {@code " missing=drop dropped=3"}, or nothing. */
    private static String treatment(CsvRequest request, CsvTable table) {
        if (table.dropped() == 0 && table.imputed() == 0) {
            return "";
        }
        return " missing=" + request.missing().id() + (table.dropped() > 0 ? " dropped=" + table.dropped() : "")
                + (table.imputed() > 0 ? " imputed=" + table.imputed() : "");
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
