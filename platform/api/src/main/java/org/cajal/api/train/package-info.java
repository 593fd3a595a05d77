/** Optimizers and the events a training run reports to its listeners. */
@Export
@Version("1.0.0")
package org.cajal.api.train;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
