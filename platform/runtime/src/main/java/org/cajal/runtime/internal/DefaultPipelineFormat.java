package org.cajal.runtime.internal;

import java.nio.file.Path;

import org.cajal.api.pipeline.Pipeline;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.runtime.internal.pipeline.PipelineReader;
import org.cajal.runtime.internal.pipeline.PipelineWriter;
import org.osgi.service.component.annotations.Component;

/** The runtime's {@link PipelineFormat}: {@link PipelineReader} and {@link PipelineWriter}. */
@Component(service = PipelineFormat.class)
public class DefaultPipelineFormat implements PipelineFormat {

    private final PipelineReader reader = new PipelineReader();
    private final PipelineWriter writer = new PipelineWriter();

    @Override
    public PipelineDocument read(Path file) throws PipelineException {
        return reader.read(file);
    }

    @Override
    public PipelineDocument parse(String json, String source, Path baseDirectory) throws PipelineException {
        return reader.parse(json, source, baseDirectory);
    }

    @Override
    public String format(Pipeline pipeline) {
        return writer.format(pipeline);
    }
}
