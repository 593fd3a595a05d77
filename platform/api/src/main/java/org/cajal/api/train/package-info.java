/** Optimizers, the events a training run reports to its listeners, and a look at the model as it trains. */
@Version("1.2.0")
package org.cajal.api.train;

import org.osgi.annotation.versioning.Version;
