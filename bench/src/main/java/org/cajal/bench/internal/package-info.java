/**
 * The {@code cajal bench} command: the same Fashion-MNIST networks trained through Cajal's runtime and through
 * plain DL4J, interleaved in one framework, with seconds per epoch, accuracy and memory printed side by side.
 * Private to this bundle; exports nothing.
 */
package org.cajal.bench.internal;
