package org.cajal.api.data;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.osgi.annotation.versioning.ConsumerType;

/** A source of data: a file format or a generator. Registered as an OSGi service. */
@ConsumerType
public interface DatasetProvider extends Describable {

    /**
     * Opens the dataset described by the parameters.
     *
     * @param seed the pipeline's seed, for generators (same seed, same data)
     * @throws DatasetException with a message naming the file, row and column at fault, and how to fix it
     */
    Dataset open(Parameters parameters, long seed) throws DatasetException;
}
