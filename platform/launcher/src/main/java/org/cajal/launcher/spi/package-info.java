/** The contract between the plain-Java launcher and the bundles that provide headless commands. */
package org.cajal.launcher.spi;
