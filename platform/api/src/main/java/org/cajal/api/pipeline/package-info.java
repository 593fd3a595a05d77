/** The pipeline document as immutable records, its problems, and the runner that executes it. */
@Version("2.0.0")
package org.cajal.api.pipeline;

import org.osgi.annotation.versioning.Version;
