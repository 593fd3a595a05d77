/** Compute backends: which ND4J backend runs, on what hardware. */
@Export
@Version("1.0.0")
package org.cajal.api.compute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
