/** Cajal's chart style and PNG/SVG export of drawings, for visualisers written against JFreeChart. */
@Version("1.0.0")
package org.cajal.charts;

import org.osgi.annotation.versioning.Version;
