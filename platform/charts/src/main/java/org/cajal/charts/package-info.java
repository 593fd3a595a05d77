/** Cajal's chart style, PNG/SVG export of drawings, and the line chart of named series that most charts are. */
@Version("1.1.0")
package org.cajal.charts;

import org.osgi.annotation.versioning.Version;
