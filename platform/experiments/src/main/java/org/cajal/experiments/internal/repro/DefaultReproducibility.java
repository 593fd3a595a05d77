package org.cajal.experiments.internal.repro;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.PipelineFormat;
import org.cajal.experiments.ExperimentListener;
import org.cajal.experiments.Reproducibility;
import org.cajal.experiments.internal.report.ReportWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reproducibility bundles ({@link BundleWriter}), their rerun ({@link BundleRerun}) and reports ({@link ReportWriter}). */
@Component(service = Reproducibility.class)
public class DefaultReproducibility implements Reproducibility {

    @Reference
    PipelineFormat format;

    @Reference
    PipelineExecutor executor;

    public DefaultReproducibility() {
    }

    /** For tests and other components: with the given services. */
    public DefaultReproducibility(PipelineFormat format, PipelineExecutor executor) {
        this.format = format;
        this.executor = executor;
    }

    @Override
    public Path bundle(Path runOrExperiment, Path zip) throws IOException {
        return BundleWriter.write(runOrExperiment, zip);
    }

    @Override
    public Rerun rerun(Path zip, Path runsDirectory, ExperimentListener listener) throws IOException, PipelineException {
        try {
            return new BundleRerun(format, executor).rerun(zip, runsDirectory, listener);
        } catch (ClassCastException | NullPointerException | IllegalArgumentException e) {
            // a field of bundle.json missing or of the wrong type: the bundle was edited or is not Cajal's
            throw new IOException(zip + ": its bundle.json is damaged or not a Cajal bundle (" + e.getMessage()
                    + "); make the bundle again with cajal bundle RUN", e);
        }
    }

    @Override
    public List<Path> report(Path runOrExperiment, Path outDirectory) throws IOException {
        return ReportWriter.write(runOrExperiment, outDirectory);
    }
}
