package org.cajal.runtime.internal;

import java.nio.file.Path;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.RunReader;
import org.cajal.api.visual.RunRecord;
import org.cajal.runtime.internal.folder.RunRecords;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The runtime's {@link RunReader}: {@link RunRecords} over the components installed now. */
@Component(service = RunReader.class)
public class DefaultRunReader implements RunReader {

    @Reference
    InstalledComponents installed;

    @Override
    public RunRecord record(Path runFolder) throws PipelineException {
        return new RunRecords(installed::catalog).read(runFolder);
    }
}
