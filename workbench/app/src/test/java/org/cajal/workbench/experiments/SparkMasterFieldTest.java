package org.cajal.workbench.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.prefs.Preferences;

import javax.swing.SwingUtilities;

import org.cajal.experiments.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Experiments view's Spark master field: empty means this computer; a master is remembered for the next start. */
class SparkMasterFieldTest {

    private final Preferences preferences = Preferences.userRoot().node("cajal-test-spark-" + System.nanoTime());

    @AfterEach
    void removeNode() throws Exception {
        preferences.removeNode();
    }

    @Test
    void emptyRunsHereAndAMasterIsRememberedForTheNextWindow() throws Exception {
        Cluster[] seen = new Cluster[3];
        String[] shown = new String[1];
        SwingUtilities.invokeAndWait(() -> {
            SparkMasterField field = new SparkMasterField(preferences);
            seen[0] = field.cluster();
            field.field().setText("  spark://head:7077 ");
            seen[1] = field.cluster();
            SparkMasterField next = new SparkMasterField(preferences);
            shown[0] = next.field().getText();
            next.field().setText("");
            seen[2] = new SparkMasterField(preferences).cluster();
        });
        assertNull(seen[0], "no master typed: the trials run on this computer");
        assertEquals("spark://head:7077", seen[1].master());
        assertEquals("spark://head:7077", shown[0], "the next window shows the master typed last");
        assertNull(seen[2], "emptied: this computer again, also after a restart");
    }
}
