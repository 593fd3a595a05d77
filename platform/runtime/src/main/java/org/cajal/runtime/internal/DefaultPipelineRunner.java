package org.cajal.runtime.internal;

import java.nio.file.Path;
import java.util.List;

import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.api.pipeline.PipelineRunner;
import org.cajal.api.pipeline.Problem;
import org.cajal.api.pipeline.RunHandle;
import org.cajal.api.pipeline.RunOptions;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.train.TrainingListener;
import org.cajal.api.visual.RunRecord;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The former, wide {@link PipelineRunner}, for consumers not yet moved to the services split by concern: each
 * method delegates to {@link PipelineFormat}, {@link PipelineCheck}, {@link PipelineExecutor} or
 * {@link RunReader}. Goes once every consumer uses those.
 */
@Component(service = PipelineRunner.class)
public class DefaultPipelineRunner implements PipelineRunner {

    @Reference
    PipelineFormat format;

    @Reference
    PipelineCheck check;

    @Reference
    PipelineExecutor executor;

    @Reference
    RunReader reader;

    @Override
    public PipelineDocument read(Path file) throws PipelineException {
        return format.read(file);
    }

    @Override
    public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        return format.parse(json, source, baseDirectory);
    }

    @Override
    public List<Problem> validate(PipelineDocument document) {
        return check.validate(document);
    }

    @Override
    public RunHandle start(PipelineDocument document, RunOptions options, TrainingListener listener)
            throws PipelineException {
        return executor.start(document, options, listener);
    }

    @Override
    public String format(Pipeline pipeline) {
        return format.format(pipeline);
    }

    @Override
    public ModelSummary summarise(PipelineDocument document) {
        return check.summarise(document);
    }

    @Override
    public RunRecord record(Path runFolder) throws PipelineException {
        return reader.record(runFolder);
    }
}
