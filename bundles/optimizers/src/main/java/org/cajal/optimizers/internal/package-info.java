/**
 * Optimizer services (gradient descent, SGD, momentum, Nesterov, RMSProp, AdaGrad, Adam, AdamW, normalised
 * gradient descent) that hand DL4J updater configurations to the trainer, plus the updater and schedule classes DL4J
 * lacks; private to this bundle, which the engine reads by class name (manifest header
 * {@code Cajal-Engine-Extension: true}).
 */
package org.cajal.optimizers.internal;
