package org.cajal.explain.pytorch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.data.DataSchema;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.Examples;
import org.cajal.api.trained.TrainedRun;
import org.cajal.runfolder.CsvTable;
import org.nd4j.linalg.api.buffer.DataType;

/** The run's dataset as data.csv: every row in dataset order, categories and classes by label, missing cells empty. */
final class RunData {

    private RunData() {
    }

    static Path writeData(TrainedRun run, Path file) throws IOException, DatasetException {
        DataSchema schema = run.schema();
        int size = run.rows(TrainedRun.TRAIN).length + run.rows(TrainedRun.VALIDATION).length
                + run.rows(TrainedRun.TEST).length;
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        Examples e = run.read(all);
        double[][] x = e.features().castTo(DataType.DOUBLE).reshape(size, -1).toDoubleMatrix();
        double[][] y = e.targets().castTo(DataType.DOUBLE).reshape(size, -1).toDoubleMatrix();
        List<String> header = new ArrayList<>(schema.featureNames());
        header.addAll(schema.targetNames());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> row = new ArrayList<>();
            for (int j = 0; j < x[i].length; j++) {
                List<String> labels = schema.featureCategories().get(schema.featureNames().get(j));
                row.add(Double.isNaN(x[i][j]) ? "" : labels != null ? labels.get((int) x[i][j])
                        : Double.toString(x[i][j]));
            }
            for (double v : y[i]) {
                row.add(schema.targetKind().isClassification() ? schema.classLabels().get((int) Math.round(v))
                        : Double.toString(v));
            }
            rows.add(row);
        }
        new CsvTable(header, rows).write(file);
        return file;
    }
}
