/** Layer types, shapes and architectures: how a model is built from a pipeline's model section. */
@Version("1.1.0")
package org.cajal.api.model;

import org.osgi.annotation.versioning.Version;
