package org.cajal.workbench.plugins;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleException;

class BundleErrorsTest {

    @Test
    void namesTheMissingPackage() {
        BundleException e = new BundleException("Unable to resolve org.example.plugin [25](R 25.0): missing "
                + "requirement [org.example.plugin [25](R 25.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=org.example.missing)(version>=1.2.0)(!(version>=2.0.0))) "
                + "Unresolved requirements: [[org.example.plugin [25](R 25.0)] osgi.wiring.package; "
                + "(&(osgi.wiring.package=org.example.missing)(version>=1.2.0)(!(version>=2.0.0)))]",
                BundleException.RESOLVE_ERROR);
        String text = BundleErrors.explain(e);
        assertTrue(text.startsWith("The plugin needs package org.example.missing (version 1.2.0 or later), which no "
                + "installed bundle exports."), text);
    }

    @Test
    void theInnermostCauseIsTheOneNothingProvides() {
        BundleException e = new BundleException("Unable to resolve a [5](R 5.0): missing requirement [a [5](R 5.0)] "
                + "osgi.wiring.package; (osgi.wiring.package=org.b) [caused by: Unable to resolve b [6](R 6.0): "
                + "missing requirement [b [6](R 6.0)] osgi.wiring.package; (osgi.wiring.package=org.c)]",
                BundleException.RESOLVE_ERROR);
        assertTrue(BundleErrors.explain(e).startsWith("The plugin needs package org.c, which"));
    }

    @Test
    void explainsDuplicatesAndPassesOtherMessagesOn() {
        assertTrue(BundleErrors.explain(new BundleException("Bundle symbolic name and version are not unique",
                BundleException.DUPLICATE_BUNDLE_ERROR)).contains("already installed"));
        assertTrue(BundleErrors.explain(new BundleException("disk full")).contains("disk full"));
    }
}
