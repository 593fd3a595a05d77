package org.cajal.workbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cajal.api.train.TrainingEvent;
import org.cajal.workbench.core.RunEvents;
import org.junit.jupiter.api.Test;

/** "Not converged yet": a loss still falling steeply at the last epoch, and one that has levelled off. */
class ConvergenceNoteTest {

    @Test
    void aLossStillFallingAtTheEndIsNotConvergedAndAFlatOneSaysNothing() throws Exception {
        List<Double> falling = new ArrayList<>();
        List<Double> flat = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            falling.add(1 - 0.02 * e);
            flat.add(0.1 + Math.exp(-e));
        }
        String note = ConvergenceNote.message(falling).orElseThrow();
        assertTrue(note.contains("fell 26 %") && note.contains("4-epoch stretch") && note.contains("more epochs"), note);
        assertEquals(java.util.Optional.empty(), ConvergenceNote.message(flat));
        // a noisy loss that has levelled off (spikes like Adam's) is not "still falling", whatever two epochs say
        List<Double> spiky = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            spiky.add(e % 7 == 3 ? 0.13 : 0.03 + 0.005 * (e % 3));
        }
        spiky.set(39, 0.025);
        assertEquals(java.util.Optional.empty(), ConvergenceNote.message(spiky), "noise, not a fall");
        List<Double> tiny = new ArrayList<>();
        for (int e = 1; e <= 40; e++) {
            tiny.add(e == 1 ? 0.7 : 0.002 - 0.00003 * e);
        }
        assertEquals(java.util.Optional.empty(), ConvergenceNote.message(tiny), "a fall that no longer matters");

        RunEvents events = new RunEvents();
        List<String> notes = new ArrayList<>();
        new ConvergenceNote(events, (epoch, kind, message) -> notes.add(epoch + " " + kind));
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            events.publish(new TrainingEvent.Started("r", null, 40, 1, 10, 10));
            for (int e = 1; e <= 40; e++) {
                events.publish(new TrainingEvent.EpochCompleted("r", e, 40, falling.get(e - 1), Double.NaN, "mse",
                        Double.NaN, 0));
            }
        });
        assertEquals(List.of("40 not-converged"), notes);
    }
}
