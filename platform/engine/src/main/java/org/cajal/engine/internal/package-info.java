/** The engine bundle's own code: starts ND4J inside its class space and announces it as a ComputeBackend. */
package org.cajal.engine.internal;
