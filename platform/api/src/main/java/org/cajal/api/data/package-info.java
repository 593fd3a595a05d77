/** Datasets and preprocessing: schemas, random-access examples, fitted transforms. */
@Version("1.0.0")
package org.cajal.api.data;

import org.osgi.annotation.versioning.Version;
