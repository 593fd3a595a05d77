package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.RepaintManager;
import javax.swing.SwingUtilities;

import org.junit.jupiter.api.Test;

/** The check the workbench test relies on does catch a label changed off the event-dispatch thread. */
class EdtCheckTest {

    @Test
    void recordsAChangeOffTheEventDispatchThreadAndNotOneOnIt() throws Exception {
        RepaintManager before = RepaintManager.currentManager(new JPanel());
        EdtCheck check = EdtCheck.install();
        try {
            JLabel[] made = new JLabel[1];
            SwingUtilities.invokeAndWait(() -> {
                made[0] = new JLabel("before");
                made[0].setName("probe");
                new JPanel().add(made[0]);
                made[0].setText("on the event-dispatch thread");
            });
            JLabel label = made[0];
            assertEquals(List.of(), check.take());

            label.setText("from a worker thread"); // this test's thread is not the event-dispatch thread
            List<String> violations = check.take();
            assertTrue(violations.stream().anyMatch(v -> v.contains("'probe'")), violations::toString);
        } finally {
            RepaintManager.setCurrentManager(before);
        }
    }
}
