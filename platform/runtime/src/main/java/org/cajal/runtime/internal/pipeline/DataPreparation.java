package org.cajal.runtime.internal.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.Parameters;
import org.cajal.api.data.DataSchema;
import org.cajal.api.data.Dataset;
import org.cajal.api.data.DatasetException;
import org.cajal.api.data.DatasetProvider;
import org.cajal.api.data.FittedTransform;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.runtime.internal.pipeline.PipelineValidator.DataRequest;
import org.cajal.runtime.internal.pipeline.PipelineValidator.PreparedData;

/**
 * The data as a run sees it: the dataset opened, split by the pipeline's seed, and its preprocessing fitted on the
 * first split's training rows (each further fold's is fitted on its own training rows when it trains).
 */
final class DataPreparation {

    private DataPreparation() {
    }

    /** Opens, splits and preprocesses the data; the caller closes the returned dataset. */
    static PreparedData prepare(PipelineDocument doc, Pipeline pipeline, DataRequest request)
            throws PipelineException {
        Dataset dataset = open(doc, request.provider(), request.parameters(), pipeline.seed());
        try {
            List<Split> splits = Split.of(dataset, pipeline.split(), pipeline.seed());
            List<Problem> problems = new ArrayList<>();
            checkSplits(splits, problems);
            fail(doc, problems);
            dataset = withLabelNoise(doc, pipeline, dataset, splits.get(0));
            List<FittedTransform> transforms = request.preprocessing().fit(dataset, splits.get(0));
            DataSchema schema = Preprocessing.schema(dataset.schema(), transforms);
            FoldCategories.check(dataset, splits, transforms, schema, request.preprocessing(), problems);
            fail(doc, problems);
            return new PreparedData(dataset, splits, transforms, schema);
        } catch (DatasetException e) {
            dataset.close();
            throw new PipelineException(doc.source(), new Problem("$.dataset", e.getMessage()));
        } catch (PipelineException | RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    /** The dataset with the split's label noise on its training rows, if the pipeline asks for some. */
    private static Dataset withLabelNoise(PipelineDocument doc, Pipeline pipeline, Dataset dataset, Split split)
            throws DatasetException, PipelineException {
        double noise = pipeline.split().labelNoise();
        if (noise == 0) {
            return dataset;
        }
        if (!dataset.schema().targetKind().isClassification()
                || dataset.schema().classCount() < 2) {
            throw new PipelineException(doc.source(), new Problem("$.split.labelNoise", "label noise replaces "
                    + "classes, but this dataset's target is not a class with two or more values; remove "
                    + "\"labelNoise\" or choose a classification dataset"));
        }
        return NoisyLabels.of(dataset, split.train(), noise, pipeline.seed());
    }

    private static void checkSplits(List<Split> splits, List<Problem> problems) {
        for (int i = 0; i < splits.size(); i++) {
            if (splits.get(i).train().length == 0) {
                String where = splits.size() == 1 ? "the split" : "fold " + (i + 1);
                problems.add(new Problem("$.split", where + " leaves no training examples; use smaller "
                        + "validation/test fractions, fewer folds or more data"));
                return;
            }
        }
    }

    private static Dataset open(PipelineDocument doc, DatasetProvider provider, Parameters params, long seed)
            throws PipelineException {
        try {
            Dataset d = provider.open(params, seed);
            if (d.size() < 2) {
                d.close();
                throw new PipelineException(doc.source(), new Problem("$.dataset",
                        "dataset '" + provider.id() + "' has " + d.size() + " examples; at least 2 are needed"));
            }
            return d;
        } catch (DatasetException e) {
            throw new PipelineException(doc.source(), new Problem("$.dataset", e.getMessage()));
        }
    }

    private static void fail(PipelineDocument doc, List<Problem> problems) throws PipelineException {
        if (!problems.isEmpty()) {
            throw new PipelineException(doc.source(), problems);
        }
    }
}
