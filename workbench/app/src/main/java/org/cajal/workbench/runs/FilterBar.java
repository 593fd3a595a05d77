package org.cajal.workbench.runs;

import java.util.List;

import javax.swing.DefaultComboBoxModel;
import javax.swing.JComboBox;
import javax.swing.JTextField;
import javax.swing.RowFilter;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.TableRowSorter;

/**
 * The runs view's filters: a text (a part of the run id or pipeline name) and a tag ("(any tag)" then every tag
 * listed), applied to the table's sorter. Event-dispatch thread.
 *
 * <p>Swing names: {@code runs.filter}, {@code runs.tagFilter}.
 */
final class FilterBar {

    /** The tag filter's first entry: no tag filter. */
    static final String ANY_TAG = "(any tag)";

    private final JTextField text = new JTextField(14);
    private final DefaultComboBoxModel<String> tagChoices = new DefaultComboBoxModel<>(new String[] {ANY_TAG});
    private final JComboBox<String> tag = new JComboBox<>(tagChoices);
    private final TableRowSorter<RunsTableModel> sorter;
    private final Runnable applied;

    /** @param applied called after the filter changed (the count and buttons follow) */
    FilterBar(TableRowSorter<RunsTableModel> sorter, Runnable applied) {
        this.sorter = sorter;
        this.applied = applied;
        text.setName("runs.filter");
        text.setToolTipText("Show only runs whose id or pipeline name contains this text");
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                apply();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                apply();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                apply();
            }
        });
        tag.setName("runs.tagFilter");
        tag.setToolTipText("Show only runs with this tag");
        tag.addActionListener(e -> apply());
    }

    JTextField text() {
        return text;
    }

    JComboBox<String> tag() {
        return tag;
    }

    /** The listing's tags: the chosen one stays when it is still there, else any tag. */
    void tagsListed(List<String> tags) {
        String tagNow = (String) tag.getSelectedItem();
        tagChoices.removeAllElements();
        tagChoices.addElement(ANY_TAG);
        tags.forEach(tagChoices::addElement);
        tag.setSelectedItem(tagNow != null && tags.contains(tagNow) ? tagNow : ANY_TAG);
    }

    private void apply() {
        String wantedText = text.getText();
        String tagNow = (String) tag.getSelectedItem();
        String wantedTag = ANY_TAG.equals(tagNow) ? null : tagNow;
        if ((wantedText == null || wantedText.isBlank()) && wantedTag == null) {
            sorter.setRowFilter(null);
        } else {
            sorter.setRowFilter(new RowFilter<RunsTableModel, Integer>() {
                @Override
                public boolean include(Entry<? extends RunsTableModel, ? extends Integer> entry) {
                    RunRow row = entry.getModel().row(entry.getIdentifier());
                    return row.matches(wantedText) && row.hasTag(wantedTag);
                }
            });
        }
        applied.run();
    }
}
