/**
 * The fused training path for dense stacks: a layer stack made only of dense, output and dropout layers trains
 * here instead of in DL4J's {@code MultiLayerNetwork}, with every parameter and all optimizer state in one
 * contiguous buffer, forward and backward passes as a few matrix products in plain Java loops (OpenBLAS for
 * products large enough to pay for a native call) and the activation, loss, regularisation and update work fused
 * into those loops. Nothing is allocated per step.
 *
 * <p>It is the same training as DL4J's: the parameters start as DL4J initialised them for the seed (the buffer is
 * laid out exactly as {@code MultiLayerNetwork.params()}: per layer {@code W} in column-major order, then
 * {@code b}), and gradients, regularisation (L1 and L2 before the updater, weight decay after it), updaters (Sgd,
 * Nesterovs, RmsProp, AdaGrad, Adam in Java; any other DL4J updater through DL4J's own {@code GradientUpdater} on
 * a view of the buffer) and scores follow DL4J M2.1's code. {@link org.cajal.runtime.internal.fused.FusedNetwork}
 * is the numeric core; {@link org.cajal.runtime.internal.fused.FusedSupport} says whether a network qualifies.
 * Tests train both paths side by side and compare loss trajectories.
 */
package org.cajal.runtime.internal.fused;
