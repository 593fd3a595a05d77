package org.cajal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;

class BundleReportTest {

    @Test
    void felixsRepeatedRequirementIsCut() {
        BundleException e = new BundleException("Unable to resolve x [1](R 1.0): missing requirement [x] "
                + "osgi.wiring.package; (osgi.wiring.package=a.b) Unresolved requirements: [[x] osgi.wiring.package]");
        assertEquals("Unable to resolve x [1](R 1.0): missing requirement [x] osgi.wiring.package; "
                + "(osgi.wiring.package=a.b)", BundleReport.rootMessage(e));
    }

    @Test
    void theRootCauseIsNamed() {
        Exception e = new BundleException("Activator start error in bundle x", new IllegalStateException("no backend"));
        assertEquals("Activator start error in bundle x (cause: no backend)",
                BundleReport.rootMessage(e));
        assertEquals("(no detail)", BundleReport.rootMessage(null));
    }

    @Test
    void statesHaveTheirOsgiNames() {
        assertEquals("ACTIVE", BundleReport.stateName(Bundle.ACTIVE));
        assertEquals("RESOLVED", BundleReport.stateName(Bundle.RESOLVED));
        assertEquals("INSTALLED", BundleReport.stateName(Bundle.INSTALLED));
    }
}
