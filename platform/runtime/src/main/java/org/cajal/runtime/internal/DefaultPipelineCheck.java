package org.cajal.runtime.internal;

import java.util.List;

import org.cajal.api.pipeline.CheckedPipeline;
import org.cajal.api.pipeline.ModelSummary;
import org.cajal.api.pipeline.PipelineCheck;
import org.cajal.api.pipeline.PipelineDocument;
import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.Problem;
import org.cajal.runtime.internal.pipeline.DataCache;
import org.cajal.runtime.internal.pipeline.PipelineValidator;
import org.cajal.runtime.internal.pipeline.RunPlan;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The runtime's {@link PipelineCheck}: validates against the components installed now ({@link InstalledComponents})
 * with a {@link PipelineValidator}. A check's plan ({@link org.cajal.runtime.internal.pipeline.CheckedRun}) keeps
 * its dataset open until a run takes it.
 */
@Component(service = PipelineCheck.class)
public class DefaultPipelineCheck implements PipelineCheck {

    @Reference
    InstalledComponents installed;

    private final DataCache dataCache = new DataCache();

    @Override
    public List<Problem> validate(PipelineDocument document) {
        try (RunPlan plan = validator().plan(document, document.pipeline())) {
            return List.of();
        } catch (PipelineException e) {
            return e.problems();
        }
    }

    /** Shares {@link #validate}'s analysis; the data's schema comes from a small cache of recent data setups. */
    @Override
    public ModelSummary summarise(PipelineDocument document) {
        return validator().summarise(document, dataCache);
    }

    @Override
    public CheckedPipeline check(PipelineDocument document) throws PipelineException {
        return validator().check(document);
    }

    private PipelineValidator validator() {
        return new PipelineValidator(installed.catalog());
    }
}
