package org.cajal.workbench.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.junit.jupiter.api.Test;

/** The generated form on its own, as another view (e.g. results, for a visualiser) would use it. */
class ParameterFormTest {

    private static final ComponentDescriptor PLOT = new ComponentDescriptor("scatter", "Scatter", "Charts", "",
            List.of(ParameterSpec.integer("points", 500).range(10, 10000),
                    ParameterSpec.string("title", "").optional(),
                    ParameterSpec.choice("palette", List.of("light", "dark")).requiredParameter(),
                    ParameterSpec.file("source")));

    @Test
    void reportsEveryValidChangeWithTheWholeMapAndKeepsUnfinishedText() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            List<Map<String, Object>> changes = new ArrayList<>();
            ParameterForm form = new ParameterForm(PLOT, Map.of("palette", "dark", "source", "a.csv"),
                    changes::add, () -> Path.of("."), "vis.");
            JTextField points = find(form, JTextField.class, "vis.points");
            points.setText("1000");
            assertEquals(Map.of("palette", "dark", "source", "a.csv", "points", 1000), changes.get(0));

            points.setText("5");
            assertEquals(1, changes.size(), "out of range: not reported");
            assertTrue(form.problems().get("points").contains("out of range"));

            // an update from elsewhere with the same points value leaves the unfinished text alone
            form.update(Map.of("palette", "light", "source", "a.csv", "points", 1000));
            assertEquals("5", points.getText());
            @SuppressWarnings("unchecked")
            JComboBox<ChoiceEditor.Item> palette = find(form, JComboBox.class, "vis.palette");
            assertEquals("light", ((ChoiceEditor.Item) palette.getSelectedItem()).value());
            assertEquals(2, palette.getItemCount(), "a required choice offers no default entry");

            // a required file left empty is a problem, not a removal
            JTextField source = find(form, JTextField.class, "vis.source");
            source.setText("");
            assertEquals(1, changes.size());
            assertFalse(find(form, JLabel.class, "vis.source.problem").getText().isEmpty());
            assertTrue(form.fits(Map.of("points", 3)));
            assertFalse(form.fits(Map.of("unknown", 3)), "an undeclared key needs a new form");
        });
    }

    private static <T extends Component> T find(ParameterForm form, Class<T> type, String name) {
        T found = find(form.component(), type, name);
        if (found == null) {
            throw new AssertionError("no " + type.getSimpleName() + " named " + name);
        }
        return found;
    }

    private static <T extends Component> T find(Component c, Class<T> type, String name) {
        if (type.isInstance(c) && name.equals(c.getName())) {
            return type.cast(c);
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                T found = find(child, type, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
