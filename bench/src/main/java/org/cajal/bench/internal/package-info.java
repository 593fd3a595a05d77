/**
 * The {@code cajal bench} command: the same Fashion-MNIST networks trained through Cajal's runtime, through plain
 * DL4J (both in this framework) and through PyTorch (a child process running {@code pytorch/fashion_bench.py}),
 * with seconds per epoch, accuracy and memory printed side by side; {@code --case small}, small dense networks on
 * small tables trained the same three ways with whole-process wall times, then repeats and a search
 * ({@link org.cajal.bench.internal.SmallBench}); and {@code --case loop}, one small pipeline run many times while
 * memory is watched. Private to this bundle; exports nothing.
 */
package org.cajal.bench.internal;
