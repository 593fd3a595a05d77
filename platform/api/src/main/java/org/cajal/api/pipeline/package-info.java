/** The pipeline document as immutable records, its problems, and the runner that executes it. */
@Export
@Version("1.0.0")
package org.cajal.api.pipeline;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
