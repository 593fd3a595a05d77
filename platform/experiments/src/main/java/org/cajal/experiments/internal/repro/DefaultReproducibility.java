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
        } catch (ClassCastException | NullPointerException e) {
            // BundleManifest checks bundle.json field by field; this is the last guard for the bundled run files
            throw new IOException(zip + ": a file of the bundle is damaged or not as Cajal writes it; make the "
                    + "bundle again with cajal bundle RUN_FOLDER", e);
        }
    }

    @Override
    public List<Path> report(Path runOrExperiment, Path outDirectory) throws IOException {
        return ReportWriter.write(runOrExperiment, outDirectory);
    }
}
