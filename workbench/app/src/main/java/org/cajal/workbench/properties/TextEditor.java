package org.cajal.workbench.properties;

import java.awt.BorderLayout;
import java.nio.file.Path;
import java.util.function.Supplier;

import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.JTextField;
import javax.swing.text.AbstractDocument;
import javax.swing.text.AttributeSet;
import javax.swing.text.BadLocationException;
import javax.swing.text.DocumentFilter;

/**
 * A text field (numbers, text, file paths) checked as the user types. Empty text means "no value": the default
 * applies, shown as placeholder text. A file field has a "…" button (named {@code <name>.browse}) that opens a
 * file chooser in the pipeline's folder and stores the chosen path relative to it when it lies inside.
 */
final class TextEditor extends ParameterEditor {

    /** FlatLaf's placeholder text of an empty field. */
    static final String PLACEHOLDER = "JTextField.placeholderText";

    private final JTextField field = new JTextField(8);
    private final JComponent component;
    private boolean updating;

    TextEditor(String name, ValueRule rule, String placeholder) {
        this(name, rule, placeholder, null);
    }

    /**
     * @param baseDirectory for a file field, the folder that relative paths resolve against; {@code null} for a
     *                      plain field
     */
    TextEditor(String name, ValueRule rule, String placeholder, Supplier<Path> baseDirectory) {
        super(name, rule);
        field.setName(name);
        if (placeholder != null && !placeholder.isEmpty()) {
            field.putClientProperty(PLACEHOLDER, placeholder);
        }
        // a filter, not a document listener: a replacement (setText, typing over a selection) is one change,
        // not a removal (the empty text: "use the default") followed by an insertion
        ((AbstractDocument) field.getDocument()).setDocumentFilter(new DocumentFilter() {
            @Override
            public void insertString(FilterBypass fb, int offset, String text, AttributeSet attrs)
                    throws BadLocationException {
                super.insertString(fb, offset, text, attrs);
                typed();
            }

            @Override
            public void remove(FilterBypass fb, int offset, int length) throws BadLocationException {
                super.remove(fb, offset, length);
                typed();
            }

            @Override
            public void replace(FilterBypass fb, int offset, int length, String text, AttributeSet attrs)
                    throws BadLocationException {
                super.replace(fb, offset, length, text, attrs);
                typed();
            }
        });
        if (baseDirectory == null) {
            component = field;
        } else {
            JButton browse = new JButton("…");
            browse.setName(name + ".browse");
            browse.setToolTipText("Choose a file");
            browse.addActionListener(e -> choose(baseDirectory.get()));
            JPanel panel = new JPanel(new BorderLayout(4, 0));
            panel.setOpaque(false);
            panel.add(field, BorderLayout.CENTER);
            panel.add(browse, BorderLayout.EAST);
            component = panel;
        }
    }

    @Override
    JComponent component() {
        return component;
    }

    @Override
    JTextField input() {
        return field;
    }

    @Override
    protected void display(Object value) {
        String text = rule.format(value);
        if (!text.equals(field.getText())) {
            updating = true;
            try {
                field.setText(text);
            } finally {
                updating = false;
            }
        }
        setProblem(rule.problem(value));
    }

    private void typed() {
        if (!updating) {
            entered(rule.parse(field.getText()));
        }
    }

    private void choose(Path base) {
        Path dir = base.toAbsolutePath().normalize();
        JFileChooser chooser = new JFileChooser(dir.toFile());
        String current = field.getText().trim();
        if (!current.isEmpty()) {
            try {
                chooser.setSelectedFile(dir.resolve(current).toFile());
            } catch (RuntimeException e) {
                // not a path this system can read: start in the pipeline's folder
            }
        }
        if (chooser.showOpenDialog(field) == JFileChooser.APPROVE_OPTION) {
            field.setText(relativeIfInside(dir, chooser.getSelectedFile().toPath()));
        }
    }

    /** The path relative to {@code base} (with '/' separators) when it lies inside it, else absolute. */
    static String relativeIfInside(Path base, Path chosen) {
        Path dir = base.toAbsolutePath().normalize();
        Path file = chosen.toAbsolutePath().normalize();
        if (file.startsWith(dir) && !file.equals(dir)) {
            return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        }
        return file.toString();
    }
}
