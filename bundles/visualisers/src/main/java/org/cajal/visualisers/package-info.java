/** Visualiser services (private to this bundle; registered with Declarative Services). */
package org.cajal.visualisers;
