package org.cajal.api.visual;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Draws a chart or image from a run's recorded data. The same visualiser renders in the workbench and to PNG or
 * SVG in batch mode.
 */
@ConsumerType
public interface Visualiser extends Describable {

    /** Whether this visualiser has something to show for the run (e.g. a confusion matrix needs classification). */
    boolean accepts(RunRecord run);

    /** Draws the run's data. */
    Drawing render(RunRecord run, Parameters parameters);
}
