/** Visualisers: charts and images drawn from a run's recorded data. */
@Version("1.1.0")
package org.cajal.api.visual;

import org.osgi.annotation.versioning.Version;
