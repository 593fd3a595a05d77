package org.cajal.workbench.core;

import java.awt.Component;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.swing.JFileChooser;
import javax.swing.JOptionPane;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * The questions views ask the user (a line of text, yes or no, a file or folder) and the messages they show, in
 * one place so that tests can answer them without a modal dialog. {@link #SWING} asks with {@link JOptionPane}
 * and {@link JFileChooser}. Event-dispatch thread.
 *
 * <p>Swing names (the standard dialogs): the file chooser {@code dialog.fileChooser}; a message's text area
 * {@code dialog.message}. Input and confirm dialogs are plain {@link JOptionPane}s titled as the view asks.
 */
public interface Dialogs {

    /** A line of text, or null when cancelled. */
    String input(Component parent, String title, String message, String initial);

    /** True when the user answered yes. */
    boolean confirm(Component parent, String title, String message);

    /**
     * A file to write, or null when cancelled.
     *
     * @param extension without the dot; appended to the chosen name unless it has it
     */
    Path saveFile(Component parent, String title, Path suggested, String extension);

    /** An existing file to read, or null when cancelled. */
    Path openFile(Component parent, String title, Path directory, String extension);

    /** A folder, or null when cancelled. */
    Path chooseFolder(Component parent, String title, Path directory);

    /** An information message (may be several lines; shown scrollable). */
    void inform(Component parent, String title, String message);

    /** The dialogs of the real window. */
    Dialogs SWING = new Dialogs() {
        @Override
        public String input(Component parent, String title, String message, String initial) {
            Object answer = JOptionPane.showInputDialog(parent, message, title, JOptionPane.QUESTION_MESSAGE, null,
                    null, initial);
            return answer == null ? null : answer.toString();
        }

        @Override
        public boolean confirm(Component parent, String title, String message) {
            return JOptionPane.showConfirmDialog(parent, message, title, JOptionPane.YES_NO_OPTION,
                    JOptionPane.WARNING_MESSAGE) == JOptionPane.YES_OPTION;
        }

        @Override
        public Path saveFile(Component parent, String title, Path suggested, String extension) {
            JFileChooser chooser = chooser(title, suggested == null ? null : suggested.getParent());
            chooser.setFileFilter(new FileNameExtensionFilter(extension.toUpperCase(Locale.ROOT) + " (*." + extension
                    + ")", extension));
            if (suggested != null) {
                chooser.setSelectedFile(suggested.toFile());
            }
            if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION || chooser.getSelectedFile() == null) {
                return null;
            }
            Path file = chooser.getSelectedFile().toPath();
            String name = file.getFileName().toString();
            return name.toLowerCase(Locale.ROOT).endsWith("." + extension) ? file
                    : file.resolveSibling(name + "." + extension);
        }

        @Override
        public Path openFile(Component parent, String title, Path directory, String extension) {
            JFileChooser chooser = chooser(title, directory);
            chooser.setFileFilter(new FileNameExtensionFilter(extension.toUpperCase(Locale.ROOT) + " (*." + extension
                    + ")", extension));
            if (chooser.showOpenDialog(parent) != JFileChooser.APPROVE_OPTION || chooser.getSelectedFile() == null) {
                return null;
            }
            return chooser.getSelectedFile().toPath();
        }

        @Override
        public Path chooseFolder(Component parent, String title, Path directory) {
            JFileChooser chooser = chooser(title, directory);
            chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
            if (chooser.showDialog(parent, "Choose") != JFileChooser.APPROVE_OPTION
                    || chooser.getSelectedFile() == null) {
                return null;
            }
            return chooser.getSelectedFile().toPath();
        }

        @Override
        public void inform(Component parent, String title, String message) {
            JTextArea text = new JTextArea(message, Math.min(14, message.split("\n").length + 1), 70);
            text.setName("dialog.message");
            text.setEditable(false);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            JOptionPane.showMessageDialog(parent, new JScrollPane(text), title, JOptionPane.INFORMATION_MESSAGE);
        }

        private JFileChooser chooser(String title, Path directory) {
            JFileChooser chooser = new JFileChooser();
            chooser.setName("dialog.fileChooser");
            chooser.setDialogTitle(title);
            if (directory != null && Files.isDirectory(directory)) {
                chooser.setCurrentDirectory(new File(directory.toString()));
            }
            return chooser;
        }
    };
}
