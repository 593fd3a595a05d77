/** Layer-type services (dense, convolution, pooling, recurrent, regularisation, output) that build DL4J layer configurations; private to this bundle. */
package org.cajal.layers.internal;
