/** Optimizer services (SGD, Adam) that hand DL4J updater configurations to the trainer; private to this bundle. */
package org.cajal.optimizers.internal;
