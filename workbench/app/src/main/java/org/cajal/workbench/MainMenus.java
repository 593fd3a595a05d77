package org.cajal.workbench;

import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.List;

import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.event.MenuEvent;
import javax.swing.event.MenuListener;

/**
 * The window's File, Run, View and Help menus and its toolbar (New, Open, Save, Train, Stop). Event-dispatch
 * thread.
 *
 * <p>Swing names: {@code menu.file} ({@code file.new}, {@code file.open}, {@code file.save}, {@code file.saveAs},
 * {@code file.exit}), {@code menu.run} ({@code run.train}, {@code run.stop}), {@code menu.view}
 * ({@code view.theme.light}, {@code view.theme.dark}), {@code menu.help} ({@code help.components},
 * {@code help.about}), {@code toolbar.train}, {@code toolbar.stop}.
 */
final class MainMenus {

    /** What the Help menu and Exit do. */
    interface Window {
        void exit();

        void about();

        void showHelp();
    }

    private final PipelineFiles files;
    private final Action train;
    private final Action stop;
    private final WindowPreferences preferences;
    private final Window window;

    MainMenus(PipelineFiles files, Action train, Action stop, WindowPreferences preferences, Window window) {
        this.files = files;
        this.train = train;
        this.stop = stop;
        this.preferences = preferences;
        this.window = window;
    }

    JToolBar toolbar() {
        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(action("New", "file.new", files::newPipeline));
        bar.add(action("Open…", "file.open", files::chooseAndOpen));
        bar.add(action("Save", "file.save", () -> files.save(false)));
        bar.addSeparator();
        bar.add(train).setName("toolbar.train");
        bar.add(stop).setName("toolbar.stop");
        return bar;
    }

    JMenuBar menus() {
        JMenuBar bar = new JMenuBar();
        bar.add(fileMenu());
        bar.add(runMenu());
        bar.add(viewMenu());
        JMenu help = new JMenu("Help");
        help.setName("menu.help");
        help.add(action("Component Help", "help.components", window::showHelp));
        help.add(action("About Cajal", "help.about", window::about));
        bar.add(help);
        return bar;
    }

    private JMenu fileMenu() {
        JMenu file = new JMenu("File");
        file.setName("menu.file");
        file.setMnemonic(KeyEvent.VK_F);
        file.add(item(action("New", "file.new", files::newPipeline), KeyEvent.VK_N));
        file.add(item(action("Open…", "file.open", files::chooseAndOpen), KeyEvent.VK_O));
        file.add(files.recentMenu());
        file.add(files.examplesMenu());
        file.addSeparator();
        file.add(item(action("Save", "file.save", () -> files.save(false)), KeyEvent.VK_S));
        file.add(item(action("Save As…", "file.saveAs", () -> files.save(true)), 0));
        file.addSeparator();
        file.add(item(action("Exit", "file.exit", window::exit), KeyEvent.VK_Q));
        file.addMenuListener(new MenuListener() {
            @Override
            public void menuSelected(MenuEvent e) {
                files.fillRecent();
                files.fillExamples();
            }

            @Override
            public void menuDeselected(MenuEvent e) {
            }

            @Override
            public void menuCanceled(MenuEvent e) {
            }
        });
        files.fillRecent();
        files.fillExamples();
        return file;
    }

    private JMenu runMenu() {
        JMenu run = new JMenu("Run");
        run.setName("menu.run");
        JMenuItem trainItem = new JMenuItem(train);
        trainItem.setName("run.train");
        trainItem.setAccelerator(KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0));
        run.add(trainItem);
        JMenuItem stopItem = new JMenuItem(stop);
        stopItem.setName("run.stop");
        run.add(stopItem);
        return run;
    }

    private JMenu viewMenu() {
        JMenu view = new JMenu("View");
        view.setName("menu.view");
        ButtonGroup themes = new ButtonGroup();
        for (String theme : List.of("light", "dark")) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(
                    Character.toUpperCase(theme.charAt(0)) + theme.substring(1) + " theme");
            item.setName("view.theme." + theme);
            item.setSelected(theme.equals(preferences.theme()));
            item.addActionListener(e -> preferences.switchTheme(theme));
            themes.add(item);
            view.add(item);
        }
        return view;
    }

    private static JMenuItem item(Action action, int key) {
        JMenuItem item = new JMenuItem(action);
        item.setName((String) action.getValue(Action.ACTION_COMMAND_KEY));
        if (key != 0) {
            item.setAccelerator(KeyStroke.getKeyStroke(key, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()));
        }
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
