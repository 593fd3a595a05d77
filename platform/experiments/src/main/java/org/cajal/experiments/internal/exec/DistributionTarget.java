package org.cajal.experiments.internal.exec;

import org.cajal.api.pipeline.PipelineException;
import org.cajal.api.pipeline.PipelineExecutor;
import org.cajal.api.pipeline.Problem;
import org.cajal.experiments.Cluster;
import org.cajal.launcher.spi.CajalProperties;
import org.cajal.launcher.spi.TrialDistributor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Where an experiment's trials go when not on this process's threads.
 *
 * @param home the Cajal distribution folder on this machine (its jars go to the executors), or null
 * @param executor this framework's runtime, which trains the trials when the executors are this JVM
 */
public record DistributionTarget(TrialDistributor distributor, Cluster cluster, String home,
                                 PipelineExecutor executor) {

    /**
     * The target for a cluster, or null for none.
     *
     * @param distributor the launcher's engine service, null when none is registered
     * @throws PipelineException when a cluster is asked for and no engine is there
     */
    public static DistributionTarget of(Cluster cluster, TrialDistributor distributor, PipelineExecutor executor,
                                        String source) throws PipelineException {
        if (cluster == null) {
            return null;
        }
        if (distributor == null) {
            throw new PipelineException(source, new Problem("--spark", "Spark is not available in this Cajal:"
                    + " its jars (lib/spark/ in the distribution) are put on the class path by bin/cajal when the"
                    + " command has --spark, or for every start when the environment variable CAJAL_SPARK=on;"
                    + " start Cajal that way, or run the experiment without a Spark master"));
        }
        Bundle bundle = FrameworkUtil.getBundle(DistributionTarget.class);
        String home = bundle != null && bundle.getBundleContext() != null
                ? bundle.getBundleContext().getProperty(CajalProperties.HOME) : System.getProperty(CajalProperties.HOME);
        return new DistributionTarget(distributor, cluster, home, executor);
    }
}
