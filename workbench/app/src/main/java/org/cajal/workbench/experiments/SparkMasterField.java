package org.cajal.workbench.experiments;

import java.awt.FlowLayout;
import java.util.prefs.Preferences;

import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.cajal.experiments.Cluster;

/**
 * Where the experiments' trials run: empty for this computer's threads, or an Apache Spark master URL
 * ({@code local[4]}, {@code spark://host:7077}; docs/spark.md). Shared by the Search, Repeats and Sweep tabs and
 * remembered in the workbench's preferences. Event-dispatch thread.
 *
 * <p>Swing name: {@code experiments.sparkMaster} (the text field).
 */
final class SparkMasterField {

    /** The preference key of the last master typed. */
    static final String PREFERENCE = "experiments.sparkMaster";

    private final JPanel panel = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 2));
    private final JTextField field = new JTextField(22);

    SparkMasterField(Preferences preferences) {
        field.setName("experiments.sparkMaster");
        field.setToolTipText("<html>Empty: trials run on this computer. A Spark master URL (local[4],"
                + " spark://host:7077, yarn) runs each trial as a Spark task;<br>the trials table fills in the same"
                + " way. Spark must be on Cajal's class path: start the workbench with CAJAL_SPARK=on cajal"
                + " (docs/spark.md).</html>");
        if (preferences != null) {
            field.setText(preferences.get(PREFERENCE, ""));
            field.getDocument().addDocumentListener(new DocumentListener() {
                @Override
                public void insertUpdate(DocumentEvent e) {
                    remember(preferences);
                }

                @Override
                public void removeUpdate(DocumentEvent e) {
                    remember(preferences);
                }

                @Override
                public void changedUpdate(DocumentEvent e) {
                    remember(preferences);
                }
            });
        }
        JLabel label = new JLabel("Spark master:");
        label.setLabelFor(field);
        panel.add(label);
        panel.add(field);
        panel.add(new JLabel("(empty: this computer; e.g. local[4] or spark://host:7077)"));
    }

    private void remember(Preferences preferences) {
        preferences.put(PREFERENCE, field.getText().trim());
    }

    JComponent component() {
        return panel;
    }

    /** The cluster typed, or null for this computer. */
    Cluster cluster() {
        String master = field.getText().trim();
        return master.isEmpty() ? null : Cluster.of(master);
    }

    /** The text field (tests). */
    JTextField field() {
        return field;
    }
}
