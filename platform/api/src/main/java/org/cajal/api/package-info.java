/** Component descriptors and typed parameter specs: how every contributed capability describes itself. */
@Version("1.1.0")
package org.cajal.api;

import org.osgi.annotation.versioning.Version;
