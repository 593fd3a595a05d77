package org.cajal.workbench;

import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;

import org.cajal.workbench.core.Notifier;
import org.cajal.workbench.core.PipelineModel;

/**
 * The Edit menu: Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) of every pipeline edit — a form field, a layer added,
 * moved or removed, a dataset or optimizer chosen — as the pipeline model records them; each item is enabled only
 * when there is something to undo or redo. Event-dispatch thread.
 *
 * <p>Swing names: {@code menu.edit}, {@code edit.undo}, {@code edit.redo}.
 */
final class EditMenu {

    private final PipelineModel pipeline;
    private final Notifier notifier;
    private final Action undo;
    private final Action redo;

    EditMenu(PipelineModel pipeline, Notifier notifier) {
        this.pipeline = pipeline;
        this.notifier = notifier;
        this.undo = action("Undo", "edit.undo", this::undo);
        this.redo = action("Redo", "edit.redo", this::redo);
        pipeline.addListener((model, change) -> update());
        update();
    }

    JMenu menu() {
        JMenu edit = new JMenu("Edit");
        edit.setName("menu.edit");
        edit.setMnemonic(KeyEvent.VK_E);
        int shortcut = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
        edit.add(item(undo, KeyStroke.getKeyStroke(KeyEvent.VK_Z, shortcut)));
        edit.add(item(redo, KeyStroke.getKeyStroke(KeyEvent.VK_Z, shortcut | InputEvent.SHIFT_DOWN_MASK)));
        return edit;
    }

    private void undo() {
        notifier.status(pipeline.undo() ? "Undone." : "Nothing to undo.");
    }

    private void redo() {
        notifier.status(pipeline.redo() ? "Redone." : "Nothing to redo.");
    }

    private void update() {
        undo.setEnabled(pipeline.canUndo());
        redo.setEnabled(pipeline.canRedo());
    }

    private static JMenuItem item(Action action, KeyStroke key) {
        JMenuItem item = new JMenuItem(action);
        item.setName((String) action.getValue(Action.ACTION_COMMAND_KEY));
        item.setAccelerator(key);
        return item;
    }

    private static Action action(String label, String name, Runnable body) {
        AbstractAction a = new AbstractAction(label) {
            @Override
            public void actionPerformed(ActionEvent e) {
                body.run();
            }
        };
        a.putValue(Action.ACTION_COMMAND_KEY, name);
        return a;
    }
}
