/** Compute backends: which ND4J backend runs, on what hardware. */
@Version("1.0.0")
package org.cajal.api.compute;

import org.osgi.annotation.versioning.Version;
