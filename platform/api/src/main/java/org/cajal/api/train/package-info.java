/** Optimizers and the events a training run reports to its listeners. */
@Version("1.1.0")
package org.cajal.api.train;

import org.osgi.annotation.versioning.Version;
