package org.cajal.workbench.experiments;

import static org.cajal.workbench.experiments.FakeExperiments.trial;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import javax.swing.RowSorter;
import javax.swing.SortOrder;
import javax.swing.table.TableModel;
import javax.swing.table.TableRowSorter;

import org.junit.jupiter.api.Test;

class TrialsTableModelTest {

    @Test
    void columnsFollowTheParametersAndMetrics() {
        TrialsTableModel m = new TrialsTableModel();
        m.reset(List.of("lr"), true);
        assertEquals(List.of("Trial", "lr", "Seed", "Status", "Objective"), names(m));
        assertTrue(m.add(trial(1, Map.of("lr", 0.1, "units", 8L), "finished", 0.5, Map.of("accuracy", 0.8))));
        assertEquals(List.of("Trial", "lr", "units", "Seed", "Status", "Objective", "accuracy"), names(m));
        assertFalse(m.add(trial(2, Map.of("lr", 0.01, "units", 16L), "finished", 0.3, Map.of("accuracy", 0.9))));
        assertEquals(2, m.getRowCount());
        assertEquals(16L, m.getValueAt(1, 2));
        assertEquals(42L, m.getValueAt(1, 3));
        assertEquals(0.3, m.getValueAt(1, 5));
        assertEquals(0.9, m.getValueAt(1, 6));
    }

    @Test
    void theBestFinishedTrialFollowsTheGoalAndResumedTrialsReplaceTheirRow() {
        TrialsTableModel m = new TrialsTableModel();
        m.reset(List.of("lr"), true);
        m.add(trial(1, Map.of("lr", 0.1), "finished", 0.5, Map.of()));
        m.add(trial(2, Map.of("lr", 0.2), "failed", Double.NaN, Map.of()));
        m.add(trial(3, Map.of("lr", 0.3), "finished", 0.2, Map.of()));
        assertEquals(2, m.best());
        assertNull(m.getValueAt(1, 4), "a failed trial has no objective");
        m.add(trial(3, Map.of("lr", 0.3), "finished", 0.9, Map.of()));
        assertEquals(3, m.getRowCount(), "trial 3 reported again replaces its row");
        assertEquals(0, m.best());

        m.reset(List.of("lr"), false);
        assertEquals(-1, m.best());
        m.add(trial(1, Map.of("lr", 0.1), "finished", 0.5, Map.of()));
        m.add(trial(2, Map.of("lr", 0.2), "finished", 0.7, Map.of()));
        assertEquals(1, m.best(), "maximising");
    }

    @Test
    void sortsNumbersByValue() {
        TrialsTableModel m = new TrialsTableModel();
        m.reset(List.of("units"), true);
        m.add(trial(1, Map.of("units", 100L), "finished", 0.5, Map.of()));
        m.add(trial(2, Map.of("units", 9L), "finished", 0.4, Map.of()));
        m.add(trial(3, Map.of("units", 20L), "finished", 0.6, Map.of()));
        TableRowSorter<TableModel> sorter = m.sorter();
        sorter.setSortKeys(List.of(new RowSorter.SortKey(1, SortOrder.ASCENDING)));
        assertEquals(List.of(1, 2, 0), List.of(sorter.convertRowIndexToModel(0), sorter.convertRowIndexToModel(1),
                sorter.convertRowIndexToModel(2)));
    }

    private static List<String> names(TrialsTableModel m) {
        return java.util.stream.IntStream.range(0, m.getColumnCount()).mapToObj(m::getColumnName).toList();
    }
}
